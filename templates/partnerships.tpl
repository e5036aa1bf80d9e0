{{%AUTOESCAPE context="HTML"}}
<h1>Partnerships</h1>
<p class="lede">Every partnership the library records, ended ones last. Open one for its activities and running totals.</p>
{{#CAN_WRITE}}<p><a class="button" href="{{SELF}}/new">Record a new partnership</a></p>{{/CAN_WRITE}}
<form class="staff-filter" method="get" action="{{SELF}}">
<div class="field"><label for="s-status">Status</label>
<select id="s-status" name="status"><option value="">Any</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select></div>
<button type="submit">Show partnerships</button>
</form>
<p class="range">{{TOTAL}} in all</p>
{{#NONE}}<p class="empty">No partnerships here yet.</p>{{/NONE}}
{{#SOME}}<div class="table-wrap"><table class="staff-table">
<thead><tr><th scope="col">Host</th><th scope="col">Partner</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Since</th><th scope="col">Last activity</th><th scope="col" class="n">Activities</th><th scope="col">Staff lead</th></tr></thead>
<tbody>
{{#ROW}}<tr><td dir="auto">{{HOST}}</td><td><a href="{{HREF}}" dir="auto">{{PARTNER}}</a></td><td>{{KIND}}</td><td>{{STATUS}}</td><td>{{START}}</td><td>{{LAST}}</td><td class="n">{{COUNT}}</td><td>{{LEAD}}</td></tr>
{{/ROW}}</tbody></table></div>{{/SOME}}
