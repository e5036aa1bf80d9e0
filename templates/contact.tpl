{{%AUTOESCAPE context="HTML"}}
<nav class="crumbs" aria-label="Breadcrumb"><a href="{{LIST}}">Directory</a> › <a href="{{PROFILE}}" dir="auto">{{ORG_NAME}}</a> › <span aria-current="page">Contact</span></nav>
<h1>Contact <span dir="auto">{{ORG_NAME}}</span></h1>
<p class="lede">Your message goes to the organization's contact person by email. They reply to the address you give here, so your conversation goes on between you. {{#PRIVATE}}Their address is not shown here; you will see it if they reply.{{/PRIVATE}}</p>
<form class="entry-form" method="post" action="{{SELF}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<div class="trap">
<label for="f-url">Leave this empty</label>
<input id="f-url" name="url" type="text" value="" tabindex="-1" autocomplete="off">
</div>
<button type="submit">Send the message</button>
</form>
<p class="hint">The directory keeps your message only until it is delivered. See <a href="{{LINK_ABOUT}}">privacy</a>.</p>
