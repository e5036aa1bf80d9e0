{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SITE_NAME}}</title>
<link rel="stylesheet" href="{{STATIC}}/liaison.css">
<link rel="icon" href="{{STATIC}}/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site">
<p class="brand"><a href="{{LINK_LIST}}">{{SITE_NAME}}</a></p>
<nav aria-label="Main">
<ul>
<li><a href="{{LINK_LIST}}">Directory</a></li>
<li><a href="{{LINK_SEARCH}}">Search</a></li>
<li><a href="{{LINK_APPLY}}">Apply to be listed</a></li>
<li><a href="{{LINK_REPORT}}">Impact report</a></li>
</ul>
</nav>
{{#STAFF_NAV}}<nav class="staff-nav" aria-label="Staff">
<ul>
{{#MENU}}<li><a href="{{HREF}}">{{LABEL}}</a></li>
{{/MENU}}</ul>
<div class="who"><span>{{WHO}} ({{ROLE}})</span>{{#SIGN_OUT}}<form method="post" action="{{HREF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Sign out</button></form>{{/SIGN_OUT}}</div>
{{#SETTINGS_PROBLEMS}}<p class="notice settings-problems" role="status">The settings file has {{COUNT}} problem(s), and the site uses the defaults there: <a href="{{BASE}}/backups#settings-title">see each with its line and what is allowed</a>.</p>{{/SETTINGS_PROBLEMS}}
</nav>{{/STAFF_NAV}}
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site">
{{#OPERATOR_LOGO_IMG}}<img class="operator-logo" src="{{OPERATOR_LOGO}}" alt="{{OPERATOR_NAME}}" height="40">{{/OPERATOR_LOGO_IMG}}
<p class="operator">{{SITE_NAME}} is run by <span dir="auto">{{OPERATOR_NAME}}</span>{{#OPERATOR_POSTAL}}, <span dir="auto">{{OPERATOR_ADDRESS}}</span>{{/OPERATOR_POSTAL}}.{{#OPERATOR_MAIL}} Write to the directory's staff at <a href="mailto:{{OPERATOR_EMAIL}}">{{OPERATOR_EMAIL}}</a>.{{/OPERATOR_MAIL}}</p>
<p><a href="{{LINK_ABOUT}}">About this directory and privacy</a> · No information about library patrons is collected. · <a href="{{LINK_STAFF}}/queue">Staff</a></p>
</footer>
</body>
</html>
