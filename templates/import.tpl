{{%AUTOESCAPE context="HTML"}}
<h1>Import from a spreadsheet</h1>
<p class="lede">Add many activities, or many organizations, at once from a CSV file or a spreadsheet (.xlsx, .ods). Every row is checked as the forms check it; if any row is wrong, nothing is imported and each problem is listed below with its line and column, so you can fix the file and send it again. A file that checks out is shown first, with what it would add, and goes in when you confirm.</p>
{{#UNDONE}}<div class="notice done" role="status"><p>Batch {{ID}} was undone: its activities are gone from the partnerships and the reports. The audit log records it.</p></div>{{/UNDONE}}
{{#DONE}}<div class="notice done" role="status"><p>Imported {{COUNT}} {{KIND}} from {{FILE}}{{#BATCH}} as batch {{ID}}{{/BATCH}}{{#CSV}} (its cells are separated by {{DELIM}}){{/CSV}}{{#SHEET}} (the first sheet of {{KIND}}){{/SHEET}}.{{#ACTIVITIES}} See them on <a href="{{PARTNERSHIPS}}">each partnership's page</a>.{{/ACTIVITIES}}</p>
{{#DUPLICATES}}<p>{{COUNT}} rows were left out as likely duplicates: each matches an activity already recorded (the same partnership, date, type, format and counts). If they are new activities after all, tick “Import likely duplicates too” and send a file of those rows.</p>
<ul class="duplicates">{{#ROW}}<li>Line {{LINE}}: the same as <a href="{{HREF}}">activity {{OF}}</a></li>{{/ROW}}</ul>{{/DUPLICATES}}</div>{{/DONE}}
{{#REFUSED}}<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="refused-title">
<h2 id="refused-title">Nothing was imported from {{FILE}}</h2>
{{#DELIM}}<p>The file's cells are separated by {{NAME}}.</p>{{/DELIM}}
{{#FATAL}}<p>{{TEXT}}</p>{{/FATAL}}
{{#ROWS}}<p>{{BAD}} of {{TOTAL}} rows have problems. Fix them in the file and send it again; the good rows will go in with them.</p>
<div class="table-wrap"><table class="staff-table import-errors">
<thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
<tbody>
{{#PROBLEM}}<tr><td>{{LINE}}</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>
{{/PROBLEM}}</tbody></table></div>
{{#MORE}}<p>…and {{COUNT}} more problems not shown.</p>{{/MORE}}{{/ROWS}}
</div>{{/REFUSED}}
{{#PREVIEW}}<section class="notice preview" aria-labelledby="preview-title">
<h2 id="preview-title">Nothing is imported yet: check what {{FILE}} would add</h2>
<p>{{ROWS}} {{KIND}} would go in{{#INCLUDED}}, likely duplicates included as you asked{{/INCLUDED}}.{{#CSV}} The file's cells are separated by {{DELIM}}.{{/CSV}}{{#SHEET}} It is read from the first sheet of {{SHEETKIND}}.{{/SHEET}}</p>
{{#NONE}}<p>No row would go in: every row is a likely duplicate of an activity already recorded. Import them only if they are new activities after all.</p>{{/NONE}}
{{#PARTNERSHIPS}}<h3>Rows per partnership</h3>
<div class="table-wrap"><table class="staff-table import-partnerships">
<thead><tr><th scope="col">Partnership</th><th scope="col">Rows</th></tr></thead>
<tbody>
{{#P}}<tr><td><a href="{{HREF}}" dir="auto">{{NAME}}</a></td><td>{{ROWS}}</td></tr>
{{/P}}</tbody></table></div>
{{#MORE}}<p>…and {{COUNT}} more partnerships.</p>{{/MORE}}
<h3>What they add to the reports</h3>
<dl class="facts import-totals">
<dt>Sessions</dt><dd>{{SESSIONS}}</dd>
<dt>Attendance</dt><dd>{{ATTENDANCE}}</dd>
<dt>Staff hours</dt><dd>{{STAFF_HOURS}}</dd>
<dt>Volunteer hours</dt><dd>{{VOLUNTEER_HOURS}}</dd>
<dt>Library cost</dt><dd>{{LIBRARY_COST}}</dd>
<dt>Partner cost</dt><dd>{{PARTNER_COST}}</dd>
<dt>In-kind contributions</dt><dd>{{IN_KIND}}</dd>
<dt>Materials</dt><dd>{{MATERIALS}}</dd>
</dl>{{/PARTNERSHIPS}}
{{#SAMPLE}}<h3>The first rows, as read</h3>
<p>Each cell as the site will keep it: dates as year-month-day, choices by their code. Check that a date like 03/04 came out as the day you meant.</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="The first rows, as read"><table class="staff-table import-sample">
<thead><tr><th scope="col">Line</th>{{#HEAD}}<th scope="col"><code>{{NAME}}</code></th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr><td>{{LINE}}</td>{{#CELL}}<td dir="auto">{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody></table></div>{{/SAMPLE}}
{{#DUPLICATES}}<h3>Likely duplicates, left out</h3>
<p>{{COUNT}} rows match an activity already recorded (the same partnership, date, type, format and counts) and are left out unless you tick them in below.</p>
<ul class="duplicates">{{#ROW}}<li>Line {{LINE}}: the same as <a href="{{HREF}}">activity {{OF}}</a></li>{{/ROW}}</ul>
{{#MORE}}<p>…and {{COUNT}} more.</p>{{/MORE}}{{/DUPLICATES}}
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="pending" value="{{TOKEN}}">
<input type="hidden" name="rows" value="{{ROWS}}">
<input type="hidden" name="duplicates" value="{{NDUP}}">
{{#DUPLICATES_BOX}}<div class="field choice"><input type="checkbox" id="f-dups-confirm" name="include_duplicates" value="1"> <label for="f-dups-confirm">Import the {{COUNT}} likely duplicates too</label></div>{{/DUPLICATES_BOX}}
{{#INCLUDED}}<input type="hidden" name="include_duplicates" value="1">{{/INCLUDED}}
{{#IMPORT_BUTTON}}<button type="submit">Import {{ROWS}} {{KIND}}</button>{{/IMPORT_BUTTON}}
{{#ONLY_DUPLICATES}}<input type="hidden" name="include_duplicates" value="1"><button type="submit">Import the {{COUNT}} likely duplicates all the same</button>{{/ONLY_DUPLICATES}}
<a href="{{SELF}}">Cancel: import nothing</a>
</form>
</section>{{/PREVIEW}}
<form class="entry-form" method="post" action="{{SELF}}" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field choices">
<legend>What the file holds</legend>
{{#KIND_OPTION}}<div class="choice"><input type="radio" id="kind-{{VALUE}}" name="kind" value="{{VALUE}}"{{#CHOSEN}} checked{{/CHOSEN}}> <label for="kind-{{VALUE}}">{{LABEL}}</label></div>
{{/KIND_OPTION}}</fieldset>
<div class="field">
<label for="f-file">CSV file or spreadsheet (.xlsx, .ods)</label>
<p class="hint" id="h-file">Up to {{MAX_KB}} KB (about 1,000 activities): the file's size, whatever the form adds. Larger files: the site's administrator imports them with <code>liaison-admin import</code>, which takes files of any size the same way. An Excel (.xlsx) or LibreOffice (.ods) file is read from its first sheet; an older .xls file must be saved as .xlsx or as “CSV UTF-8” first.</p>
<input id="f-file" name="file" type="file" accept=".csv,text/csv,.txt,.xlsx,.ods" aria-describedby="h-file" data-max-bytes="{{MAX_BYTES}}">
</div>
<div class="field">
<label for="f-dates">How the file writes dates</label>
<p class="hint" id="h-dates">2026-03-15 and 15.03.2026 are read either way. For 03/04/2026, say whether the day or the month comes first; as the site is set, a date that reads both ways is refused with both readings.</p>
<select id="f-dates" name="dates" aria-describedby="h-dates">
<option value="">As the site is set</option>
<option value="dmy">Day first (15/03/2026)</option>
<option value="mdy">Month first (3/15/2026)</option>
</select>
</div>
<div class="field choice"><input type="checkbox" id="f-dups" name="include_duplicates" value="1"> <label for="f-dups">Import likely duplicates too (rows that match an activity already recorded)</label></div>
<button type="submit">Check the file</button>
</form>
{{#KIND}}<section aria-labelledby="cols-{{VALUE}}">
<h2 id="cols-{{VALUE}}">Columns of a file of {{VALUE}}</h2>
<p>The first row names the columns, in any order, by the column's name or by what it holds (“Date”, “Type of activity”), in any case; a column that is not required may be left out. Cells may be separated by commas, semicolons or tabs; in a file with semicolons, amounts may have a decimal comma (1,5). Choices take the code or the words shown on the form; several choices in one cell are separated by “;”. <a href="{{TEMPLATE}}">Download a template</a> with every column and an example row.</p>
<div class="table-wrap"><table class="staff-table">
<thead><tr><th scope="col">Column</th><th scope="col">What it holds</th><th scope="col">Required</th><th scope="col">Example</th></tr></thead>
<tbody>
{{#COLUMN}}<tr><td><code>{{NAME}}</code></td><td>{{LABEL}}{{#HINT}}. {{TEXT}}{{/HINT}}</td><td>{{#REQUIRED}}yes{{/REQUIRED}}</td><td>{{EXAMPLE}}</td></tr>
{{/COLUMN}}</tbody></table></div>
</section>{{/KIND}}
{{#BATCHES_UNREADABLE}}<p class="error" role="alert">The list of recent imports cannot be read just now; reload the page in a moment to see it and undo a batch.</p>{{/BATCHES_UNREADABLE}}
{{#BATCHES}}<section aria-labelledby="batches-title">
<h2 id="batches-title">Recent imports</h2>
<p>Each import is a numbered batch. Undoing a batch of activities removes the activities it added, in one step recorded in the audit log, and the reports go back to what they were before it.</p>
{{#NONE}}<p>Nothing has been imported yet.</p>{{/NONE}}
{{#SOME}}<div class="table-wrap"><table class="staff-table import-batches">
<thead><tr><th scope="col">Batch</th><th scope="col">Of</th><th scope="col">File</th><th scope="col">By</th><th scope="col">When</th><th scope="col">Rows</th><th scope="col">Duplicates left out</th><th scope="col">Undo</th></tr></thead>
<tbody>
{{#B}}<tr><td>{{ID}}</td><td>{{KIND}}</td><td dir="auto">{{FILE}}</td><td>{{ACTOR}}</td><td>{{WHEN}}</td><td>{{ROWS}}</td><td>{{DUPS}}</td><td>{{#UNDONE}}Undone by {{BY}}, {{AT}}{{/UNDONE}}{{#UNDO}}<a href="{{HREF}}">Undo batch {{ID}}…</a>{{/UNDO}}{{#KEPT}}Remove entries one by one{{/KEPT}}</td></tr>
{{/B}}</tbody></table></div>{{/SOME}}
</section>{{/BATCHES}}
<script src="{{STATIC}}/liaison.js" defer></script>
