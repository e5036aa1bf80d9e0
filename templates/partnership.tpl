{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{LIST}}">Partnerships</a></p>
<h1><span dir="auto">{{HOST}}</span> — <span dir="auto">{{PARTNER}}</span></h1>
{{#DONE}}<p class="notice done" role="status">Done: {{TEXT}}.</p>{{/DONE}}
<dl class="facts">
<dt>Kind</dt><dd>{{KIND}}</dd>
<dt>Commitment</dt><dd>{{COMMITMENT}}</dd>
<dt>Status</dt><dd><strong class="status status-{{STATUS}}">{{STATUS_LABEL}}</strong></dd>
<dt>Dates</dt><dd>{{START}} to {{#END}}{{DAY}}{{/END}}{{#ONGOING}}now{{/ONGOING}}</dd>
<dt>Partner's country</dt><dd>{{COUNTRY}}</dd>
{{#LEAD}}<dt>Staff lead</dt><dd>{{NAME}}</dd>{{/LEAD}}
{{#HOST_GIVES}}<dt>The host contributes</dt><dd dir="auto">{{TEXT}}</dd>{{/HOST_GIVES}}
{{#PARTNER_GIVES}}<dt>The partner contributes</dt><dd dir="auto">{{TEXT}}</dd>{{/PARTNER_GIVES}}
</dl>
{{#CAN_WRITE}}<p class="actions"><a class="button" href="{{SELF}}/activities/new">Record an activity</a> <a href="{{SELF}}/edit">Edit the partnership</a> <a href="{{SELF}}/review">Review this year</a></p>{{/CAN_WRITE}}
{{#GOALS}}<section aria-labelledby="goals-heading">
<h2 id="goals-heading">Goals</h2>
<ul class="goals">
{{#GOAL}}<li dir="auto">{{GOAL}}{{#MEASURE}} <span class="measure">— measured by: {{TEXT}}</span>{{/MEASURE}}</li>
{{/GOAL}}</ul>
</section>{{/GOALS}}
<section aria-labelledby="totals-heading">
<h2 id="totals-heading">Running totals</h2>
<p class="hint">Counted as the IMLS Public Libraries Survey counts: a hybrid program once, as in person, with its online audience as virtual attendance; outreach apart from programs.{{#LAST}} Last activity: {{DAY}}.{{/LAST}}</p>
<dl class="totals">
{{#TOTAL}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
{{/TOTAL}}</dl>
</section>
<section aria-labelledby="activities-heading">
<h2 id="activities-heading">Activities, newest first</h2>
{{#NO_ACTIVITIES}}<p class="empty">No activities recorded yet.</p>{{/NO_ACTIVITIES}}
{{#ACTIVITIES}}{{#ANY_TO_CHECK}}<p class="notice">Programs marked <em>audience to check</em> have no target audience recorded (recorded before Liaison asked for one, or left blank): the survey's figures take it from who came, the one age band everyone was in, else general interest, and an upgraded one counts as held at the library. Open each, choose whom it was for and where it took place, and save it.</p>{{/ANY_TO_CHECK}}
<div class="table-wrap"><table class="staff-table activities">
<thead><tr><th scope="col">Date</th><th scope="col">Activity</th><th scope="col">Counted as</th><th scope="col">Format</th><th scope="col" class="n">Sessions</th><th scope="col" class="n">In person</th><th scope="col" class="n">Online</th><th scope="col" class="n">Hours</th><th scope="col" class="n">Cost and in kind</th><th scope="col">Notes</th></tr></thead>
<tbody>
{{#ACTIVITY}}<tr><td><a href="{{HREF}}">{{DAY}}</a></td><td>{{TYPE}}{{#TO_CHECK}} <strong class="to-check">audience to check</strong>{{/TO_CHECK}}</td><td>{{COUNTED}}</td><td>{{FORMAT}}</td><td class="n">{{SESSIONS}}</td><td class="n">{{IN_PERSON}}</td><td class="n">{{ONLINE}}</td><td class="n">{{HOURS}}</td><td class="n">{{COST}}</td><td dir="auto">{{NOTES}}</td></tr>
{{/ACTIVITY}}</tbody></table></div>
{{#MORE}}<p>Showing the newest {{SHOWN}} of {{COUNT}}. <a href="{{HREF}}">Older activities →</a></p>{{/MORE}}{{/ACTIVITIES}}
</section>
<section aria-labelledby="reviews-heading">
<h2 id="reviews-heading">Yearly reviews</h2>
{{#NO_REVIEWS}}<p class="empty">Not reviewed yet. Once a year, staff score how far its goals were met, communication, shared commitment and a fair give-and-take, from 1 (poor) to 5 (excellent).</p>{{/NO_REVIEWS}}
{{#REVIEWS}}{{#REVIEW}}<article class="review" aria-labelledby="review-{{FY}}">
<h3 id="review-{{FY}}">FY{{FY}}: {{DECISION}}</h3>
<p class="meta">Reviewed on {{DAY}} by {{BY}}</p>
<dl class="scores">
{{#GOAL}}<div><dt dir="auto">Goal: {{GOAL}}</dt><dd>{{SCORE}} of 5</dd></div>
{{/GOAL}}<div><dt>Communication</dt><dd>{{COMMUNICATION}} of 5</dd></div>
<div><dt>Shared commitment</dt><dd>{{COMMITMENT}} of 5</dd></div>
<div><dt>A fair give-and-take</dt><dd>{{GIVE_AND_TAKE}} of 5</dd></div>
</dl>
{{#NOTE}}<p class="note" dir="auto">{{TEXT}}</p>{{/NOTE}}
</article>
{{/REVIEW}}{{/REVIEWS}}
</section>
<section aria-labelledby="history-heading">
<h2 id="history-heading">History</h2>
<ol class="history">
{{#EVENT}}<li><strong>{{ACTION}}</strong> by {{ACTOR}}, <time datetime="{{AT_ISO}}">{{AT}}</time>{{#NOTE}} ({{TEXT}}){{/NOTE}}
{{#CHANGE}}<div class="change"><span class="field-name">{{FIELD}}</span>: <del>{{OLD}}</del> → <ins>{{NEW}}</ins></div>{{/CHANGE}}</li>
{{/EVENT}}</ol>
</section>
