{{%AUTOESCAPE context="HTML"}}
<h1>{{REASON}}</h1>
<p class="error-detail" role="alert">{{DETAIL}}</p>
<p><a href="{{LINK_LIST}}">Go to the directory</a></p>
<p class="status-code">HTTP status {{STATUS}}</p>
