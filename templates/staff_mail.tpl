{{%AUTOESCAPE context="HTML"}}
<h1>Outgoing mail</h1>
<p class="lede">Every message the directory sends: receipts and decisions to applicants, notices to staff. Each is written with the change that causes it and handed to the host's <code>sendmail</code> just after; one that fails is tried again later, and after eight tries it waits here for “Send again”.</p>
{{#DONE}}<p class="notice done" role="status">{{TEXT}}</p>{{/DONE}}
<dl class="facts mail-counts">
<dt>Waiting to be sent</dt><dd id="mail-waiting">{{WAITING}}</dd>
<dt>Failed</dt><dd id="mail-failed">{{#SOME_FAILED}}<strong class="status status-failed">{{/SOME_FAILED}}{{FAILED}}{{#SOME_FAILED}}</strong>{{/SOME_FAILED}}</dd>
<dt>Sent</dt><dd id="mail-sent">{{SENT}}</dd>
</dl>
<form class="staff-filter" method="get" action="{{ROUTE}}">
<div class="field"><label for="m-state">Show</label>
<select id="m-state" name="state"><option value="">All</option>
{{#STATE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPTION}}</select></div>
<button type="submit">Show messages</button>
</form>
{{#READ_ERROR}}<p class="error" role="alert">The list was cut short because the outbox could not be read to the end. Please reload the page.</p>{{/READ_ERROR}}
<p class="range">{{SHOWING}}: {{TOTAL}} in all{{#PAGER}} · page {{PAGE}} of {{PAGES}}{{/PAGER}}</p>
{{#NONE}}<p class="empty">No messages.</p>{{/NONE}}
{{#SOME}}<div class="table-wrap" tabindex="0" role="region" aria-label="Messages"><table class="staff-table mail-table">
<thead><tr><th scope="col">Message</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody>
{{#ROW}}<tr id="message-{{ID}}"><td>{{ID}}, {{KIND}}<br><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td><td dir="auto">{{TO_NAME}} {{TO}}</td><td dir="auto">{{SUBJECT}}</td>
<td><strong class="status status-{{STATE}}">{{STATE}}</strong>{{#SENT}}, <time datetime="{{AT_ISO}}">{{AT}}</time>{{/SENT}} ({{ATTEMPTS}} tries){{#NEXT}}; next try <time datetime="{{AT_ISO}}">{{AT}}</time>{{/NEXT}}{{#ERROR}}<p class="mail-error">Last error: {{TEXT}}</p>{{/ERROR}}</td>
<td>{{#AGAIN}}<form method="post" action="{{HREF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="small">Send again<span class="visually-hidden">: message {{ID}}</span></button></form>{{/AGAIN}}</td></tr>
{{/ROW}}</tbody></table></div>{{/SOME}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Newer</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Older →</a>{{/NEXT}}
</nav>{{/PAGER}}
