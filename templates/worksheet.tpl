{{%AUTOESCAPE context="HTML"}}
<article class="report worksheet">
<header class="report-head">
<h1>IMLS Public Libraries Survey worksheet: {{PERIOD}}{{#SCOPE}} <span class="scope">· <span dir="auto">{{NAME}}</span></span>{{/SCOPE}}</h1>
<p class="lede">Program items for {{FROM}} to {{TO}}, counted as the survey's FY2024 data element definitions ask: each program under its target audience with everyone who came, a hybrid once as in person with its online audience as virtual attendance, outreach left out. <a href="{{REPORT_HREF}}">Back to the report</a>.</p>
</header>
<section aria-labelledby="items-heading" class="report-section">
<h2 id="items-heading">Items</h2>
<table class="worksheet-items">
<thead><tr><th scope="col">Item</th><th scope="col">Variable</th><th scope="col">What it counts</th><th scope="col" class="n">Value</th></tr></thead>
<tbody>
{{#ITEM}}<tr{{#TOTAL}} class="total"{{/TOTAL}}><th scope="row">{{NUMBER}}</th><td><code>{{VARIABLE}}</code></td><td>{{LABEL}}</td><td class="n">{{VALUE}}</td></tr>
{{/ITEM}}</tbody>
</table>
</section>
<section aria-labelledby="checks-heading" class="report-section">
<h2 id="checks-heading">Edit checks</h2>
<ul class="worksheet-checks">
{{#CHECK}}<li>{{LABEL}}: {{LEFT}} and {{RIGHT}}, {{#PASSED}}<strong class="passed">passed</strong>{{/PASSED}}{{#FAILED}}<strong class="failed">failed</strong>{{/FAILED}}</li>
{{/CHECK}}</ul>
{{#ANY_FAILED}}<p class="failed">A failed check means an activity's figures do not add up: look for an in-person activity with an online audience, or a virtual one with people in the room, in this period.</p>{{/ANY_FAILED}}
</section>
</article>
