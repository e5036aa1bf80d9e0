{{%AUTOESCAPE context="HTML"}}
<h1>Staff sign-in</h1>
{{#MESSAGE}}<p class="notice" role="status">{{TEXT}}</p>{{/MESSAGE}}
{{#SETUP}}<p class="notice">This site has no administrator yet. <a href="{{BASE}}/setup">Set it up</a> first.</p>{{/SETUP}}
<form class="entry-form narrow" method="post" action="{{BASE}}/sign-in" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<button type="submit">Sign in</button>
</form>
<p class="hint">Accounts are made by the site's administrator. Forgotten your password? Ask them to set a new one.</p>
