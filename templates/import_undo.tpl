{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{IMPORT}}">Import from a spreadsheet</a></p>
<h1>Undo import batch {{ID}}?</h1>
{{#PROBLEM}}<p class="error-summary" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<dl class="facts">
<dt>File</dt><dd dir="auto">{{FILE}}</dd>
<dt>Imported</dt><dd>{{ROWS}} {{KIND}}, by {{ACTOR}}, {{WHEN}}</dd>
</dl>
{{#UNDONE}}<p>This batch was undone already, by {{BY}}, {{TEXT}}.</p>{{/UNDONE}}
{{#ORGANIZATIONS}}<p>A batch of organizations is not undone as a whole: its entries may have been reviewed, changed or given partnerships since. Remove them one by one from the staff pages.</p>{{/ORGANIZATIONS}}
{{#STANDS}}<p>Undoing it deletes the activities it added, in one step: they leave the partnerships' totals and every report, which go back to what they were before the import. The audit log records who undid it. The same file can then be imported again.</p>
{{#EDITED}}<h2>Edited since the import</h2>
<p>{{COUNT}} of its activities were changed on their forms after the batch went in. Undoing the batch removes them too, with those changes.</p>
<div class="table-wrap"><table class="staff-table import-edited">
<thead><tr><th scope="col">Activity</th><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Edits</th><th scope="col">Last edited</th></tr></thead>
<tbody>
{{#A}}<tr><td><a href="{{HREF}}">activity {{ID}}</a></td><td>{{DAY}}</td><td>{{TYPE}}</td><td>{{EDITS}}</td><td>by {{BY}}, {{AT}}</td></tr>
{{/A}}</tbody></table></div>
{{#MORE}}<p>…and {{COUNT}} more.</p>{{/MORE}}{{/EDITED}}
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#FORCE}}<input type="hidden" name="edited" value="{{COUNT}}">
<div class="field choice"><input type="checkbox" id="f-force" name="force" value="1" required> <label for="f-force">Remove the {{COUNT}} edited activities too</label></div>{{/FORCE}}
<button type="submit" class="danger">Undo batch {{ID}}</button>
<a href="{{IMPORT}}">Keep it</a>
</form>{{/STANDS}}
