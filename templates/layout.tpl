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
</ul>
</nav>
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site">
<p>{{SITE_NAME}} · a partnership directory run with Liaison. No information about library patrons is collected.</p>
</footer>
</body>
</html>
