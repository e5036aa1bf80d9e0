{{%AUTOESCAPE context="HTML"}}
<h1>Libraries Seeking Partners</h1>
<p class="lede">Libraries and community organizations looking for partners: sister libraries, pen pals, book and culture exchanges, staff exchanges, videoconferences and programs together. <a href="{{MAP}}">See where they are on a map</a>.</p>
<div class="directory">
<details class="filters-box">
<summary>Filter the directory{{#ACTIVE_ANY}} <span class="meta">(filters set)</span>{{/ACTIVE_ANY}}</summary>
<form class="filters" method="get" action="{{SELF}}" aria-labelledby="filters-heading">
<h2 id="filters-heading">Filter the directory</h2>
{{FILTERS_HTML:none}}
<div class="field">
<label for="f-sort">Sort by</label>
<select id="f-sort" name="sort">
{{#SORT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SORT}}</select>
</div>
<button type="submit">Show organizations</button>
</form>
</details>
<section class="results" aria-labelledby="results-heading">
<h2 id="results-heading">{{TOTAL_TEXT}}</h2>
{{#ACTIVE}}<p class="chip">{{FACET}}: {{LABEL}} <a href="{{REMOVE_HREF}}">Remove<span class="visually-hidden"> the {{FACET}} filter</span></a></p>
{{/ACTIVE}}
{{#EMPTY_FILTERED}}<p class="empty">No organization matches these filters. Remove a filter to see more.</p>{{/EMPTY_FILTERED}}
{{#EMPTY_DIRECTORY}}<p class="empty">The directory is empty so far: no organization is listed yet. Entries arrive through the <a href="{{APPLY}}">application form</a>, which organizations fill in themselves and staff approve on the review queue, or are imported by staff from a spreadsheet.</p>{{/EMPTY_DIRECTORY}}
{{#READ_ERROR}}<p class="error" role="alert">The list was cut short because the directory could not be read to the end. Please reload the page.</p>{{/READ_ERROR}}
{{#SOME}}<p class="range">Showing {{FIRST}}–{{LAST}} · page {{PAGE}} of {{PAGES}} · <a href="{{CSV_HREF}}" download>Download this list as CSV</a></p>{{/SOME}}
<ul class="orgs">
{{#ORG}}<li class="org">
<h3><a href="{{HREF}}" dir="auto">{{NAME}}</a></h3>
{{#NAME_EN}}<p class="alt-name" dir="auto">{{NAME_EN}}</p>{{/NAME_EN}}
<p class="meta">{{TYPE_LABEL}} · {{PLACE}}, {{COUNTRY_NAME}}{{#SEEKING}} · <strong class="seeking">Seeking partners</strong>{{/SEEKING}}</p>
<p class="excerpt" dir="auto">{{EXCERPT}}</p>
<dl class="facts">
{{#INTERESTS}}<dt>Interests</dt><dd>{{INTERESTS}}</dd>{{/INTERESTS}}
{{#LANGUAGES}}<dt>Languages</dt><dd>{{LANGUAGES}}</dd>{{/LANGUAGES}}
<dt>Last confirmed</dt><dd><time datetime="{{CONFIRMED}}">{{CONFIRMED}}</time>{{#STALE}} <strong class="stale">possibly out of date</strong>{{/STALE}}</dd>
</dl>
</li>
{{/ORG}}</ul>
{{#SOME}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Previous page</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Next page →</a>{{/NEXT}}
</nav>{{/SOME}}
</section>
</div>
