{{%AUTOESCAPE context="HTML"}}
<h1>Apply to be listed</h1>
<p class="lede">Libraries and community organizations anywhere can ask to join the directory. Staff read every application before it appears; that usually takes a few working days. Nothing you send here is shown until it is approved, and your email address stays private unless you say otherwise.</p>
<form class="entry-form" method="post" action="{{SELF}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<div class="trap">
<label for="f-url">Leave this empty</label>
<input id="f-url" name="url" type="text" value="" tabindex="-1" autocomplete="off">
</div>
<button type="submit">Send the application</button>
</form>
