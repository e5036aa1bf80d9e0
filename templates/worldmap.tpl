{{%AUTOESCAPE context="HTML"}}
<figure class="worldmap" aria-labelledby="{{ID}}-caption">
<figcaption id="{{ID}}-caption">{{TITLE}}</figcaption>
<svg viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="100%" role="group" aria-labelledby="{{ID}}-title {{ID}}-desc" class="map">
<title id="{{ID}}-title">{{TITLE}}</title>
<desc id="{{ID}}-desc">{{DESC}}</desc>
<g class="land">{{#LAND}}<path d="{{D}}"/>{{/LAND}}</g>
{{#SHADED}}{{#LINK}}<a href="{{HREF}}" tabindex="-1"><path d="{{D}}" class="step-{{STEP}}"><title>{{TEXT}}</title></path></a>{{/LINK}}{{#NO_LINK}}<path d="{{D}}" class="step-{{STEP}}"><title>{{TEXT}}</title></path>{{/NO_LINK}}
{{/SHADED}}{{#DOT}}{{#LINK}}<a href="{{HREF}}" tabindex="-1"><circle cx="{{X}}" cy="{{Y}}" r="4" class="dot step-{{STEP}}"><title>{{TEXT}}</title></circle></a>{{/LINK}}{{#NO_LINK}}<circle cx="{{X}}" cy="{{Y}}" r="4" class="dot step-{{STEP}}"><title>{{TEXT}}</title></circle>{{/NO_LINK}}
{{/DOT}}</svg>
{{#HAS_KEY}}<ul class="map-key" aria-label="What the shades mean: {{WHAT_MANY}} per country">
{{#KEY}}<li><span class="swatch step-{{STEP}}" aria-hidden="true"></span>{{RANGE}}</li>
{{/KEY}}<li><span class="swatch dot-swatch" aria-hidden="true"></span>a ringed dot: a country too small to see</li>
</ul>
<table class="map-data">
<caption>{{TITLE}}: the numbers</caption>
<thead><tr><th scope="col">Country</th><th scope="col" class="n">{{WHAT_MANY}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{#ROW_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/ROW_LINK}}{{#ROW_PLAIN}}{{NAME}}{{/ROW_PLAIN}}{{#AS_DOT}} <span class="meta">(a dot on the map)</span>{{/AS_DOT}}</th><td class="n">{{COUNT}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_KEY}}
</figure>
