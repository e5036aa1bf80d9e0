{{%AUTOESCAPE context="HTML"}}
<h1>Audit log</h1>
<p class="lede">Every change made through Liaison, newest first: who, when, and each field's old and new value. {{TOTAL}} entries in all.</p>
<ol class="history">
{{#EVENT}}<li><strong>{{ACTION}}</strong>{{#ORG}} <a href="{{HREF}}" dir="auto">{{NAME}}</a>{{/ORG}}{{#PARTNERSHIP}} <a href="{{HREF}}" dir="auto">{{NAME}}</a>{{/PARTNERSHIP}} by {{ACTOR}}, <time datetime="{{AT_ISO}}">{{AT}}</time>{{#NOTE}}: “{{TEXT}}”{{/NOTE}}
{{#CHANGE}}<div class="change"><span class="field-name">{{FIELD}}</span>: <del>{{OLD}}</del> → <ins>{{NEW}}</ins></div>{{/CHANGE}}</li>
{{/EVENT}}</ol>
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Newer</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Older →</a>{{/NEXT}}
</nav>{{/PAGER}}
