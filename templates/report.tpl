{{%AUTOESCAPE context="HTML"}}
<article class="report">
<header class="report-head">
{{#LOGO}}<img class="report-logo" src="{{OPERATOR_LOGO}}" alt="" height="48">{{/LOGO}}
<h1>Impact report: {{PERIOD}} <span class="scope">· <span dir="auto">{{LIBRARY}}</span></span>{{#SCOPE}} <span class="scope">· <span dir="auto">{{NAME}}</span></span>{{/SCOPE}}</h1>
<p class="lede">{{FROM}} to {{TO}}, compared with {{PREVIOUS}} ({{PREVIOUS_FROM}} to {{PREVIOUS_TO}}).{{#PUBLIC}} This public report shows totals only; signed-in staff and board members also see costs and each partnership.{{/PUBLIC}}</p>
<p class="made">Made on <time datetime="{{MADE}}">{{MADE}}</time>.</p>
</header>
<nav class="report-nav" aria-label="Report period">
<p class="period-steps">{{#PREV_LINK}}<a href="{{HREF}}" rel="prev">← {{PREVIOUS}}</a>{{/PREV_LINK}} {{#NEXT_LINK}}<a href="{{HREF}}" rel="next">{{NEXT}} →</a>{{/NEXT_LINK}}</p>
<form method="get" action="{{SELF}}" class="period-form">
{{#SCOPE_FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/SCOPE_FIELD}}
<div class="field"><label for="fy">Fiscal year</label>
<select id="fy" name="fy">{{#FY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>FY{{VALUE}}</option>{{/FY_OPTION}}</select></div>
<div class="field"><label for="q">Quarter</label>
<select id="q" name="q"><option value="">Whole year</option>{{#Q_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>Q{{VALUE}}</option>{{/Q_OPTION}}</select></div>
<button type="submit">Show</button>
</form>
<form method="get" action="{{SELF}}" class="period-form">
{{#SCOPE_FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/SCOPE_FIELD}}
<div class="field"><label for="from">From</label><input type="date" id="from" name="from" value="{{RANGE_FROM}}" required></div>
<div class="field"><label for="to">To</label><input type="date" id="to" name="to" value="{{RANGE_TO}}" required></div>
<button type="submit">Show these dates</button>
</form>
</nav>

<section aria-labelledby="glance-heading" class="report-section">
<h2 id="glance-heading">At a glance</h2>
<dl class="cards">
{{#CARD}}<div class="card"><dt>{{LABEL}}</dt><dd><span class="figure">{{VALUE}}</span> <span class="delta delta-{{DIRECTION}}">{{CHANGE}}</span></dd></div>
{{/CARD}}</dl>
{{#EMPTY}}<p class="empty">No activities were recorded in this period.</p>{{/EMPTY}}
{{#CONNECTIONS}}<p class="connections">Connections made: <strong>{{COUNT}}</strong> first {{CONTACT_WORD}} through the directory's “Contact this organization” form, reaching <strong>{{ORGS}}</strong> {{ORG_WORD}}.</p>{{/CONNECTIONS}}
</section>

<section aria-labelledby="months-heading" class="report-section">
<h2 id="months-heading">Month by month</h2>
<div class="charts">{{>MONTH_CHARTS}}</div>
</section>

<section aria-labelledby="who-heading" class="report-section">
<h2 id="who-heading">Who came</h2>
<p class="hint">Counted as the IMLS Public Libraries Survey counts: a hybrid program once, as in person, with its online audience as online attendance; outreach (a booth at a fair, say) is not a program and is counted apart.</p>
<div class="charts">{{>AGE_CHART}}</div>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="who-heading"><table class="staff-table figures-table">
<caption>Program attendance by age and format, and outreach</caption>
<thead><tr><th scope="col">Who</th><th scope="col" class="n">In person</th><th scope="col" class="n">Online</th><th scope="col" class="n">Total</th></tr></thead>
<tbody>
{{#BAND}}<tr><th scope="row">{{LABEL}}</th><td class="n">{{IN}}</td><td class="n">{{VIRT}}</td><td class="n">{{TOTAL}}</td></tr>
{{/BAND}}</tbody>
<tfoot>
<tr><th scope="row">All programs ({{PROGRAM_SESSIONS}} sessions)</th><td class="n">{{PROGRAM_IN}}</td><td class="n">{{PROGRAM_VIRT}}</td><td class="n">{{PROGRAM_TOTAL}}</td></tr>
<tr><th scope="row">Outreach ({{OUTREACH_SESSIONS}} sessions)</th><td class="n" colspan="3">{{OUTREACH}}</td></tr>
</tfoot>
</table></div>
</section>

<section aria-labelledby="effort-heading" class="report-section">
<h2 id="effort-heading">Time{{#COSTS}}, money{{/COSTS}} and materials</h2>
<dl class="cards">
{{#EFFORT}}<div class="card"><dt>{{LABEL}}</dt><dd><span class="figure">{{VALUE}}</span> <span class="delta delta-{{DIRECTION}}">{{CHANGE}}</span></dd></div>
{{/EFFORT}}</dl>
{{#COSTS}}<div class="charts">{{>COST_CHART}}</div>{{/COSTS}}
</section>

<section aria-labelledby="outcomes-heading" class="report-section">
<h2 id="outcomes-heading">Outcomes</h2>
<p class="hint">From Project Outcome surveys: the share of respondents who agree, counted over the activities that asked each question; a question left blank was not asked, and is not counted as 0.{{#RESPONDENTS}} {{COUNT}} people responded.{{/RESPONDENTS}}</p>
{{#NO_RESPONDENTS}}<p class="empty">No survey responses were recorded in this period.</p>{{/NO_RESPONDENTS}}
{{#NO_QUESTIONS}}<p class="empty">No survey question was recorded in this period.</p>{{/NO_QUESTIONS}}
{{#OUTCOMES}}{{#CHART}}<div class="charts">{{>OUTCOME_CHART}}</div>{{/CHART}}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="outcomes-heading"><table class="staff-table figures-table outcomes-table">
<caption>Each question, over the activities that asked it, against {{PREVIOUS}}</caption>
<thead><tr><th scope="col">Outcome</th><th scope="col" class="n">Share who agree</th><th scope="col" class="n">Asked in</th><th scope="col" class="n">Respondents asked</th><th scope="col" class="n">{{PREVIOUS}}</th><th scope="col">Change</th></tr></thead>
<tbody>
{{#OUTCOME}}<tr><th scope="row">{{LABEL}}</th><td class="n">{{SHARE}}</td><td class="n">{{ASKED}}</td><td class="n">{{RESPONDENTS}}</td><td class="n">{{PREVIOUS_SHARE}}</td><td><span class="delta delta-{{DIRECTION}}">{{CHANGE}}</span></td></tr>
{{/OUTCOME}}</tbody></table></div>{{/OUTCOMES}}
</section>

<section aria-labelledby="reach-heading" class="report-section">
<h2 id="reach-heading">Reach</h2>
<p>Partners in <strong>{{COUNTRY_COUNT}}</strong> {{COUNTRY_WORD}} and <strong>{{LANGUAGE_COUNT}}</strong> {{LANGUAGE_WORD}} took part in an activity in this period.</p>
{{>REACH_MAP}}
<div class="reach">
{{#LANGUAGES}}<div><h3>Languages</h3><ul class="reach-list">{{#ITEM}}<li>{{NAME}} <span class="count">({{COUNT}})</span></li>{{/ITEM}}</ul></div>{{/LANGUAGES}}
</div>
</section>

{{#CURRENT}}<section aria-labelledby="current-heading" class="report-section">
<h2 id="current-heading">Entries kept current</h2>
<p><strong class="figure" id="confirmed-share">{{SHARE}}</strong> of the directory's listed entries ({{CONFIRMED}} of {{LISTED}}) were confirmed within the last year, as of today.</p>
</section>{{/CURRENT}}

{{#PARTNERSHIPS}}<section aria-labelledby="partnerships-heading" class="report-section">
<h2 id="partnerships-heading">Partnerships</h2>
<p class="hint">Every partnership whose dates overlap the period. <span class="health-flag">Quiet</span> marks an active partnership with nothing recorded in the 90 days up to {{AS_OF}}. <span class="health-flag">Not reviewed</span> marks one with no yearly review for FY{{REVIEW_FY}}{{#REVIEW_COUNT}}: {{REVIEWED}} of {{TOTAL}} are reviewed{{/REVIEW_COUNT}}.</p>
{{#NONE}}<p class="empty">No partnerships ran in this period.</p>{{/NONE}}
{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="partnerships-heading"><table class="staff-table partnerships-table">
<thead><tr><th scope="col">Partnership</th><th scope="col">Status</th><th scope="col">Commitment</th><th scope="col">Last activity</th><th scope="col" class="n">Activities</th><th scope="col" class="n">Attendance</th><th scope="col">Review, FY{{REVIEW_FY}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="{{HREF}}"><span dir="auto">{{HOST}}</span> — <span dir="auto">{{PARTNER}}</span></a> <span class="meta">({{COUNTRY}})</span></td><td><span class="status">{{STATUS}}</span>{{#QUIET}} <strong class="health-flag">Quiet</strong>{{/QUIET}}</td><td>{{COMMITMENT}}</td><td>{{LAST}}</td><td class="n">{{ACTIVITIES}}</td><td class="n">{{ATTENDANCE}}</td><td>{{#REVIEWED}}{{DECISION}} <span class="meta">({{DAY}}: goals {{GOALS}}, communication {{COMMUNICATION}}, commitment {{COMMITMENT}}, give-and-take {{GIVE_AND_TAKE}} of 5)</span>{{/REVIEWED}}{{#NOT_REVIEWED}}<strong class="health-flag">Not reviewed</strong>{{/NOT_REVIEWED}}</td></tr>
{{/ROW}}</tbody></table></div>{{/TABLE}}
</section>{{/PARTNERSHIPS}}

<section aria-labelledby="all-heading" class="report-section">
<h2 id="all-heading">Every figure, against {{PREVIOUS}}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="all-heading"><table class="staff-table figures-table">
<thead><tr><th scope="col">Figure</th><th scope="col" class="n">{{PERIOD}}</th><th scope="col" class="n">{{PREVIOUS}}</th><th scope="col">Change</th></tr></thead>
<tbody>
{{#FIGURE}}<tr><th scope="row">{{LABEL}}</th><td class="n">{{VALUE}}</td><td class="n">{{PREVIOUS_VALUE}}</td><td><span class="delta delta-{{DIRECTION}}">{{CHANGE}}</span></td></tr>
{{/FIGURE}}</tbody></table></div>
</section>

<section aria-labelledby="download-heading" class="report-section downloads">
<h2 id="download-heading">Download as CSV</h2>
<ul>
{{#DOWNLOAD}}<li><a href="{{HREF}}" download>{{LABEL}}</a> <span class="hint">{{HINT}}</span></li>
{{/DOWNLOAD}}</ul>
<p><a href="{{WORKSHEET_HREF}}">IMLS survey worksheet</a> <span class="hint">each program item with its number and value, and the survey's edit checks, to print</span></p>
</section>
</article>
