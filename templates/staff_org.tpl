{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{BASE}}/queue">Queue</a> · <a href="{{BASE}}/entries">All entries</a></p>
<h1 dir="auto">{{NAME}}</h1>
{{#DONE}}<p class="notice done" role="status">Done: {{TEXT}}.</p>{{/DONE}}
{{#PROBLEM}}<p class="error-summary" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<dl class="facts">
<dt>Status</dt><dd><strong class="status status-{{STATUS}}">{{STATUS}}</strong>{{#PUBLIC}} · <a href="{{HREF}}">public page</a>{{/PUBLIC}}</dd>
<dt>Last confirmed</dt><dd>{{CONFIRMED}}</dd>
<dt>Created</dt><dd><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></dd>
<dt>Contact</dt><dd>{{CONTACT_NAME}} <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a></dd>
{{#APPLICATION}}<dt>Application</dt><dd>{{REFERENCE}}, sent <time datetime="{{SUBMITTED_ISO}}">{{SUBMITTED}}</time>: {{STATE}}{{#NOTE}} ({{TEXT}}){{/NOTE}}{{#DECIDED}}, decided <time datetime="{{AT_ISO}}">{{AT}}</time> by {{BY}}{{/DECIDED}}</dd>{{/APPLICATION}}
</dl>
<section class="actions-panel" aria-labelledby="actions-heading">
<h2 id="actions-heading">Actions</h2>
{{#READONLY}}<p>Board accounts can read entries but not change them.</p>{{/READONLY}}
{{#ACTION}}<form class="action{{#BAD}} bad{{/BAD}}" method="post" action="{{HREF}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NOTE}}<label for="note-{{NAME}}">Reason or question for “{{BUTTON}}” (sent to the applicant by mail and shown on their application's page)</label>
{{#ERROR}}<p class="field-error" id="e-note-{{NAME}}">{{MESSAGE}}</p>{{/ERROR}}
<textarea id="note-{{NAME}}" name="note" rows="2"></textarea>{{/NOTE}}
<button type="submit" name="do" value="{{NAME}}">{{BUTTON}}</button>
</form>
{{/ACTION}}
</section>
<section aria-labelledby="edit-heading">
<h2 id="edit-heading">{{#EDITABLE}}Correct or edit the entry{{/EDITABLE}}{{#READONLY}}The entry{{/READONLY}}</h2>
<form class="entry-form" method="post" action="{{SELF}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<fieldset class="plain"{{#READONLY}} disabled{{/READONLY}}>
<legend class="visually-hidden">Entry details</legend>
{{>FIELDS}}
{{#EDITABLE}}<button type="submit">Save changes</button>{{/EDITABLE}}
</fieldset>
</form>
</section>
<section aria-labelledby="history-heading">
<h2 id="history-heading">History</h2>
<ol class="history">
{{#EVENT}}<li><strong>{{ACTION}}</strong> by {{ACTOR}}, <time datetime="{{AT_ISO}}">{{AT}}</time>{{#NOTE}}: “{{TEXT}}”{{/NOTE}}
{{#CHANGE}}<div class="change"><span class="field-name">{{FIELD}}</span>: <del>{{OLD}}</del> → <ins>{{NEW}}</ins></div>{{/CHANGE}}</li>
{{/EVENT}}</ol>
</section>
