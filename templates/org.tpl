{{%AUTOESCAPE context="HTML"}}
<nav class="crumbs" aria-label="Breadcrumb"><a href="{{SELF}}">Directory</a> › <span aria-current="page" dir="auto">{{NAME}}</span></nav>
<article class="profile">
<h1 dir="auto">{{NAME}}</h1>
<p class="actions">{{#CONTACT_FORM}}<a href="{{HREF}}">Contact this organization</a> · {{/CONTACT_FORM}}<a href="{{MATCH_HREF}}">Best partners for this organization</a></p>
{{#NO_CONTACT_FORM}}<p class="notice">This entry has no contact address on file, so it cannot be written to from here.{{#WEBSITE}} Try its <a href="{{URL}}" rel="nofollow">website</a>.{{/WEBSITE}}{{#MAIL}} Or ask the directory's staff at <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>.{{/MAIL}}</p>{{/NO_CONTACT_FORM}}
{{#NAME_EN}}<p class="alt-name" dir="auto">{{NAME_EN}}</p>{{/NAME_EN}}
<p class="meta"><a href="{{TYPE_HREF}}">{{TYPE_LABEL}}</a> · {{CITY}}, <a href="{{COUNTRY_HREF}}">{{COUNTRY_NAME}}</a></p>
{{#STALE}}<p class="notice stale-notice"><strong>Possibly out of date:</strong> this entry was last confirmed on {{CONFIRMED}}, more than a year ago. Check with the organization before relying on it.</p>{{/STALE}}
{{#SEEKING}}<section class="seeking-box" aria-labelledby="seeking-heading">
<h2 id="seeking-heading">Seeking partners</h2>
<p dir="auto">{{SEEKING_TEXT}}</p>
</section>{{/SEEKING}}
{{#NOT_SEEKING}}<p class="notice">Not seeking new partners at the moment.</p>{{/NOT_SEEKING}}
<h2>About</h2>
<p class="description" dir="auto">{{DESCRIPTION}}</p>
<dl class="facts">
<dt>Kind</dt><dd>{{KIND_LABEL}}</dd>
<dt>Region</dt><dd>{{REGION}}</dd>
<dt>Interests</dt><dd>{{INTERESTS}}</dd>
<dt>Languages</dt><dd>{{LANGUAGES}}</dd>
<dt>Ages served</dt><dd>{{AGES}}</dd>
<dt>Commitment it can offer</dt><dd>{{COMMITMENT}}</dd>
<dt>Time zone</dt><dd>{{TIMEZONE}}</dd>
{{#WEBSITE}}<dt>Website</dt><dd><a href="{{URL}}" rel="nofollow">{{URL}}</a></dd>{{/WEBSITE}}
{{#CONTACT}}<dt>Contact</dt><dd>{{CONTACT_NAME}} · <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>{{/CONTACT}}
<dt>Last confirmed</dt><dd><time datetime="{{CONFIRMED}}">{{CONFIRMED}}</time></dd>
</dl>
<p class="manage-link">Is this your organization? <a href="{{MANAGE_HREF}}" rel="nofollow">Manage my entry</a>: confirm it, update it or remove it.</p>

<h2>Current partnerships</h2>
{{#PARTNERS}}<ul class="partners">
{{#PARTNER}}<li><a href="{{HREF}}" dir="auto">{{NAME}}</a>, {{COUNTRY_NAME}} · {{STATUS}} since <time datetime="{{SINCE}}">{{SINCE}}</time></li>
{{/PARTNER}}</ul>{{/PARTNERS}}
{{#NO_PARTNERS}}<p>No current partnerships are recorded for this organization.</p>{{/NO_PARTNERS}}
</article>
