{{%AUTOESCAPE context="HTML"}}
{{!
  /search: the search box; with results (RESULTS) or, before anything is searched, the tips
  (TIPS). Names and snippets come as PART pieces; a piece with HIT is a matched term. Every
  piece is escaped here like any other value: the marks never carry markup of their own.
}}
<h1>Search the directory</h1>
<form class="search-form" role="search" method="get" action="{{SELF}}">
<label for="q">Search names, places, descriptions, interests and languages</label>
<div class="search-row">
<input id="q" name="q" type="search" value="{{Q}}" maxlength="256" dir="auto" autocomplete="off" spellcheck="false">
<button type="submit">Search</button>
</div>
{{#NOTHING_SEARCHABLE}}<p class="error" role="alert">There is nothing to search for in what you typed. Use letters or numbers, for example <em>pen pals</em>.</p>{{/NOTHING_SEARCHABLE}}
</form>
{{#TIPS}}<section class="tips" aria-labelledby="tips-heading">
<h2 id="tips-heading">How to search</h2>
<ul>
<li>Capitals and accents do not matter: <em>bogota</em> finds Bogotá, <em>bibliotheque</em> finds Bibliothèque.</li>
<li>Every word must be found. The last word may be the start of a word: <em>bibli</em> finds Biblioteca and Bibliothèque.</li>
<li>Put words in double quotes to find them side by side, in that order: <em>"public library"</em>. Quoted words are whole words: the last one is not taken as the start of a word.</li>
<li>Names in Chinese, Japanese, Korean or Thai are found by any part of them: <em>図書館</em>, <em>上海</em>.</li>
<li>Looking for partners for your own library? Find it in the <a href="{{LIST_HREF}}">directory</a> and follow <em>Best partners for this organization</em> on its page.</li>
</ul>
</section>{{/TIPS}}
{{#RESULTS}}<div class="directory">
<details class="filters-box">
<summary>Narrow the results{{#ACTIVE_ANY}} <span class="meta">(filters set)</span>{{/ACTIVE_ANY}}</summary>
<form class="filters" method="get" action="{{SELF}}" aria-labelledby="filters-heading">
<h2 id="filters-heading">Narrow the results</h2>
<input type="hidden" name="q" value="{{Q}}">
{{FILTERS_HTML:none}}
<button type="submit">Show results</button>
</form>
</details>
<section class="results" aria-labelledby="results-heading">
<h2 id="results-heading">{{TOTAL_TEXT}} <q dir="auto">{{Q}}</q></h2>
{{#ACTIVE}}<p class="chip">{{FACET}}: {{LABEL}} <a href="{{REMOVE_HREF}}">Remove<span class="visually-hidden"> the {{FACET}} filter</span></a></p>
{{/ACTIVE}}
{{#EMPTY}}<div class="empty"><p>No organization matches <q dir="auto">{{Q}}</q>{{#ACTIVE_ANY}} with these filters{{/ACTIVE_ANY}}. You could try:</p>
<ul>
<li>fewer words: every word must be found;</li>
<li>another spelling, or the start of a word: <em>bibli</em> finds Biblioteca and Bibliothèque;</li>
<li>the word in the language an entry may be written in: <em>biblioteca</em>, <em>bibliothèque</em>;</li>
{{#ACTIVE_ANY}}<li>removing a filter (above);</li>
{{/ACTIVE_ANY}}<li>browsing the <a href="{{LIST_HREF}}">whole directory</a> by country, language or interest.</li>
</ul></div>{{/EMPTY}}
{{#READ_ERROR}}<p class="error" role="alert">The results were cut short because the directory could not be read to the end. Please reload the page.</p>{{/READ_ERROR}}
{{#SOME}}<p class="range">Showing {{FIRST}}–{{LAST}}, best matches first · page {{PAGE}} of {{PAGES}} · <a href="{{CSV_HREF}}" download>Download these results as CSV</a></p>{{/SOME}}
<ol class="orgs" start="{{FIRST}}">
{{#ORG}}<li class="org">
<h3><a href="{{HREF}}" dir="auto">{{#MARKED_NAME}}{{#PART}}{{#HIT}}<mark>{{/HIT}}{{TEXT}}{{#HIT}}</mark>{{/HIT}}{{/PART}}{{/MARKED_NAME}}</a></h3>
{{#MARKED_NAME_EN}}<p class="alt-name" dir="auto">{{#PART}}{{#HIT}}<mark>{{/HIT}}{{TEXT}}{{#HIT}}</mark>{{/HIT}}{{/PART}}</p>{{/MARKED_NAME_EN}}
<p class="meta">{{TYPE_LABEL}} · {{PLACE}}, {{COUNTRY_NAME}}{{#SEEKING}} · <strong class="seeking">Seeking partners</strong>{{/SEEKING}}</p>
<p class="excerpt" dir="auto">{{#SNIPPET}}{{#PART}}{{#HIT}}<mark>{{/HIT}}{{TEXT}}{{#HIT}}</mark>{{/HIT}}{{/PART}}{{/SNIPPET}}{{#PLAIN_EXCERPT}}{{EXCERPT}}{{/PLAIN_EXCERPT}}</p>
<dl class="facts">
{{#INTERESTS}}<dt>Interests</dt><dd>{{INTERESTS}}</dd>{{/INTERESTS}}
{{#LANGUAGES}}<dt>Languages</dt><dd>{{LANGUAGES}}</dd>{{/LANGUAGES}}
<dt>Last confirmed</dt><dd><time datetime="{{CONFIRMED}}">{{CONFIRMED}}</time>{{#STALE}} <strong class="stale">possibly out of date</strong>{{/STALE}}</dd>
</dl>
</li>
{{/ORG}}</ol>
{{#SOME}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="{{HREF}}">← Previous page</a>{{/PREV}}
{{#NEXT}}<a rel="next" href="{{HREF}}">Next page →</a>{{/NEXT}}
</nav>{{/SOME}}
</section>
</div>{{/RESULTS}}
