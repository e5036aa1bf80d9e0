{{%AUTOESCAPE context="HTML"}}
{{!
  The directory's facet menus, one <select> per facet with each choice's count. Rendered once
  per filter and database version and cached (cgi-bin/list.c), then placed into list.tpl.
}}
{{#FILTER}}
<div class="field">
<label for="f-{{NAME}}">{{LABEL}}</label>
<select id="f-{{NAME}}" name="{{NAME}}">
<option value="">Any</option>
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}} ({{COUNT}})</option>
{{/OPTION}}</select>
</div>
{{/FILTER}}
