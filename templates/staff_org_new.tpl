{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{BASE}}/entries">All entries</a></p>
<h1>Record a staff-only organization</h1>
<p class="lede">A partner to record partnerships with that is not to be shown publicly: it is never in the directory, its CSV, search, best partners or the filter counts, and no public page names it. It can be chosen as host or partner when recording a partnership, and listed publicly later from its page. An organization already in the directory, or waiting for review, is refused here: choose that entry instead.</p>
<form class="entry-form" method="post" action="{{SELF}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<button type="submit">Record the organization</button>
</form>
