{{%AUTOESCAPE context="HTML"}}
<h1>Message sent</h1>
<div class="notice confirmation" role="status">
<p>Your message to <strong dir="auto">{{ORG_NAME}}</strong> is on its way. If they answer, their reply comes to the address you gave.</p>
<p>If you asked for a copy, it is on its way to you too.</p>
</div>
<p><a href="{{PROFILE}}">Back to <span dir="auto">{{ORG_NAME}}</span></a> · <a href="{{LIST}}">Back to the directory</a></p>
