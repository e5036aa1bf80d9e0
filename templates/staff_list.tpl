{{%AUTOESCAPE context="HTML"}}
{{#QUEUE}}<h1>Applications waiting for review</h1>
<p class="lede">Oldest first. Open one to correct it, approve it, reject it or ask for more information.</p>{{/QUEUE}}
{{#STALE}}<h1>Entries not confirmed for a year</h1>
<p class="lede">Listed entries whose details nobody has confirmed in the last 12 months, oldest first. Their contacts were sent a link at 11 and 12 months to confirm, update or remove the entry themselves; the columns say when, and when a contact acted on it. Write to the others, then mark the entry confirmed, edit it, or unlist it.</p>{{/STALE}}
{{#ENTRIES}}<h1>All entries</h1>
<form class="staff-filter" method="get" action="{{ROUTE}}">
<div class="field"><label for="s-q">Name contains</label><input id="s-q" name="q" type="search" value="{{Q}}"></div>
<div class="field"><label for="s-status">Status</label>
<select id="s-status" name="status"><option value="">Any</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select></div>
<button type="submit">Show entries</button>
</form>{{/ENTRIES}}
{{#READ_ERROR}}<p class="error" role="alert">The list was cut short because the directory could not be read to the end. Please reload the page.</p>{{/READ_ERROR}}
<p class="range">{{TOTAL}} in all{{#PAGER}} · page {{PAGE}} of {{PAGES}}{{/PAGER}}</p>
{{#NONE}}<p class="empty">Nothing here.</p>{{/NONE}}
{{#SOME}}<div class="table-wrap"><table class="staff-table">
<thead><tr><th scope="col">Organization</th><th scope="col">Country</th>
{{#QUEUE}}<th scope="col">Sent</th><th scope="col">State</th><th scope="col">Reference</th>{{/QUEUE}}
{{#STALE}}<th scope="col">Last confirmed</th><th scope="col">Contact</th><th scope="col">First reminder</th><th scope="col">Second reminder</th><th scope="col">Answered</th>{{#CAN_CONFIRM}}<th scope="col"><span class="visually-hidden">Action</span></th>{{/CAN_CONFIRM}}{{/STALE}}
{{#ENTRIES}}<th scope="col">Status</th><th scope="col">Last confirmed</th>{{/ENTRIES}}
</tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="{{HREF}}" dir="auto">{{NAME}}</a></td><td>{{COUNTRY}}</td>
{{#QUEUE}}<td><time datetime="{{DATE_ISO}}">{{DATE}}</time></td><td>{{STATUS}}{{#DETAIL}}: {{TEXT}}{{/DETAIL}}</td><td>{{REFERENCE}}</td>{{/QUEUE}}
{{#STALE}}<td>{{DATE}}</td><td>{{#DETAIL}}{{TEXT}}{{/DETAIL}}</td><td>{{FIRST}}</td><td>{{SECOND}}</td><td>{{ANSWERED}}</td>{{#CAN_CONFIRM}}<td><form method="post" action="{{CONFIRM_HREF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="back" value="stale"><button type="submit" class="small">Confirmed today<span class="visually-hidden">: {{NAME}}</span></button></form></td>{{/CAN_CONFIRM}}{{/STALE}}
{{#ENTRIES}}<td>{{STATUS}}</td><td>{{DATE}}</td>{{/ENTRIES}}
</tr>
{{/ROW}}</tbody></table></div>{{/SOME}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Previous page</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Next page →</a>{{/NEXT}}
</nav>{{/PAGER}}
