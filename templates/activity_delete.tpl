{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{LIST}}">Partnerships</a> · <a href="{{PARENT}}" dir="auto">{{NAME}}</a></p>
<h1>Delete this activity?</h1>
{{#PROBLEM}}<p class="error-summary" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<dl class="facts">
<dt>Date</dt><dd>{{DAY}}</dd>
<dt>Activity</dt><dd>{{TYPE}}</dd>
<dt>Attendance</dt><dd>{{ATTENDANCE}}</dd>
{{#NOTES}}<dt>Notes</dt><dd dir="auto">{{TEXT}}</dd>{{/NOTES}}
</dl>
<p>Its counts leave the partnership's totals and every report. The audit log keeps a copy of what it held.</p>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<button type="submit" class="danger">Delete the activity</button>
<a href="{{BACK}}">Keep it</a>
</form>
