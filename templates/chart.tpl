{{%AUTOESCAPE context="HTML"}}
<figure class="chart" aria-labelledby="{{ID}}-caption">
<figcaption id="{{ID}}-caption">{{TITLE}}</figcaption>
<svg viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="100%" role="img" aria-labelledby="{{ID}}-title {{ID}}-desc" class="bars" preserveAspectRatio="xMinYMin meet">
<title id="{{ID}}-title">{{TITLE}}</title>
<desc id="{{ID}}-desc">{{DESC}}</desc>
{{#BAR}}<g class="bar-row">
<text x="{{LABEL_X}}" y="{{TEXT_Y}}" text-anchor="end" class="bar-label">{{LABEL}}</text>
<rect x="{{BAR_X}}" y="{{BAR_Y}}" width="{{BAR_W}}" height="{{BAR_H}}" class="bar"></rect>
<text x="{{VALUE_X}}" y="{{TEXT_Y}}" class="bar-value">{{VALUE}}</text>
</g>
{{/BAR}}</svg>
<div class="chart-data"><table>
<caption>{{TITLE}}: the numbers</caption>
<thead><tr><th scope="col">{{KEY_HEADING}}</th><th scope="col" class="n">{{VALUE_HEADING}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="n">{{VALUE}}</td></tr>
{{/ROW}}</tbody>
</table></div>
</figure>
