{{%AUTOESCAPE context="HTML"}}
<h1>The directory on a map</h1>
<p class="lede">Where the {{TOTAL}} organizations listed in the directory are. Choose a country, on the map or in the table after it, to see its organizations.</p>
<p><a href="{{LIST}}">Back to the directory</a></p>
{{>MAP}}
