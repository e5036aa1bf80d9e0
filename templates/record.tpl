{{%AUTOESCAPE context="HTML"}}
{{!
  A partnership or activity form (cgi-bin/partnerships.c): new, or an edit of a saved one.
}}
<p class="crumbs"><a href="{{LIST}}">Partnerships</a>{{#PARENT}} · <a href="{{HREF}}" dir="auto">{{NAME}}</a>{{/PARENT}}</p>
<h1>{{HEADING}}</h1>
{{#LEDE}}<p class="lede">{{TEXT}}</p>{{/LEDE}}
{{#PROBLEM}}<p class="error-summary" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<form class="entry-form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="plain"{{#READONLY}} disabled{{/READONLY}}>
<legend class="visually-hidden">{{HEADING}}</legend>
{{>FIELDS}}
{{#EDITABLE}}<button type="submit">{{BUTTON}}</button>{{/EDITABLE}}
</fieldset>
</form>
{{#READONLY}}<p>Board accounts can read records but not change them.</p>{{/READONLY}}
{{#DELETE}}<p><a href="{{HREF}}">Delete this activity…</a></p>{{/DELETE}}
