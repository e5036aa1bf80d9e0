{{%AUTOESCAPE context="HTML"}}
<h1>Your account</h1>
<p class="lede">Signed in as <span dir="auto">{{NAME}}</span> ({{ROLE}}).</p>
{{#DONE}}<p class="notice done" role="status">Saved: new partnerships start on your library.</p>{{/DONE}}
<form class="entry-form" method="post" action="{{SELF}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
{{#SITE_HOST}}<p class="hint">Without a library of your own, new partnerships start on the site's (organization {{ID}}, set by LIAISON_DEFAULT_HOST).</p>{{/SITE_HOST}}
<button type="submit">Save</button>
</form>
