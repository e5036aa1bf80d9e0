{{%AUTOESCAPE context="HTML"}}
{{!
  /search?match=ID: the organizations that fit ID best, each with its reasons in words, and
  how the points are given (src/match.h, README.md).
}}
<nav class="crumbs" aria-label="Breadcrumb"><a href="{{TARGET_HREF}}">Back to the organization's page</a></nav>
<h1 dir="auto">{{TITLE}}</h1>
<p class="lede">Listed organizations seeking partners that want each other's kind: libraries abroad or at home as sister libraries, and community partners in the library's own country. Current partners are left out.</p>
{{#NONE}}<p class="empty">No organization seeking partners shares an interest or a language with this one yet. Adding interests and languages to its entry gives more matches; the <a href="{{SELF}}">search</a> finds others by any word.</p>{{/NONE}}
<section class="results" aria-labelledby="matches-heading">
<h2 id="matches-heading">The {{SHOWN}} best of {{FOUND}} possible partners</h2>
<ol class="orgs">
{{#ORG}}<li class="org">
<h3><a href="{{HREF}}" dir="auto">{{NAME}}</a></h3>
{{#NAME_EN}}<p class="alt-name" dir="auto">{{NAME_EN}}</p>{{/NAME_EN}}
<p class="meta">{{TYPE_LABEL}} · {{PLACE}}, {{COUNTRY_NAME}} · <span class="score">{{SCORE}} points</span></p>
<ul class="reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
<dl class="facts">
{{#INTERESTS}}<dt>Interests</dt><dd>{{INTERESTS}}</dd>{{/INTERESTS}}
{{#LANGUAGES}}<dt>Languages</dt><dd>{{LANGUAGES}}</dd>{{/LANGUAGES}}
<dt>Last confirmed</dt><dd><time datetime="{{CONFIRMED}}">{{CONFIRMED}}</time>{{#STALE}} <strong class="stale">possibly out of date</strong>{{/STALE}}</dd>
</dl>
</li>
{{/ORG}}</ol>
</section>
<details class="scoring">
<summary>How the points are given</summary>
<table>
<caption>Points for what two organizations have in common</caption>
<thead><tr><th scope="col">In common</th><th scope="col">Points</th></tr></thead>
<tbody>
<tr><td>each interest both want (pen pals, videoconferences…)</td><td>{{POINTS_INTEREST}}</td></tr>
<tr><td>a language both use</td><td>{{POINTS_LANGUAGE}}</td></tr>
<tr><td>ages served that overlap</td><td>{{POINTS_AGES}}</td></tr>
<tr><td>office hours in common on a working day (9:00–17:00, Monday to Friday, standard time): per full 2 hours</td><td>1, at most {{POINTS_HOURS_MAX}}</td></tr>
<tr><td>a community partner in the same city</td><td>{{POINTS_SAME_CITY}}</td></tr>
<tr><td>entry confirmed within the last year</td><td>{{POINTS_FRESH}}</td></tr>
</tbody>
</table>
<p>An organization with neither an interest nor a language in common is not shown. Equal points go to more office hours in common.</p>
</details>
