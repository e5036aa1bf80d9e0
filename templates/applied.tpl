{{%AUTOESCAPE context="HTML"}}
<h1>Application received</h1>
<div class="notice confirmation">
<p>Thank you. The application for <strong dir="auto">{{NAME}}</strong> has been received.</p>
<p>Your reference is <strong class="reference">{{REFERENCE}}</strong>. Keep it: quote it if you write to the directory's staff about this application{{#OPERATOR_MAIL}} (at <a href="mailto:{{OPERATOR_EMAIL}}">{{OPERATOR_EMAIL}}</a>){{/OPERATOR_MAIL}}, and come back to this page to see where it stands.</p>
</div>
<h2>What happens next</h2>
{{#PENDING}}<ol class="next-steps">
<li>The directory's staff read your application, usually within a few working days.</li>
<li>They may write to you at the address you gave if something needs explaining.</li>
<li>Once approved, your organization appears in the directory and in search, and other libraries and groups can find you.</li>
</ol>
<p>This application is <strong>waiting for review</strong> (sent <time datetime="{{SUBMITTED_ISO}}">{{SUBMITTED}}</time>).</p>{{/PENDING}}
{{#LISTED}}<p>This application has been <strong>approved</strong>: <a href="{{PROFILE_HREF}}">see your entry in the directory</a>.</p>{{/LISTED}}
{{#WAITING}}<p>Staff have a question before they can approve this application:</p>
<blockquote class="staff-note" dir="auto">{{NOTE}}</blockquote>
<p>Please answer it by writing to the directory's staff{{#OPERATOR_MAIL}} at <a href="mailto:{{OPERATOR_EMAIL}}">{{OPERATOR_EMAIL}}</a>{{/OPERATOR_MAIL}}, quoting the reference above.</p>{{/WAITING}}
{{#REJECTED}}<p>This application was not accepted into the directory. The reason staff gave:</p>
<blockquote class="staff-note" dir="auto">{{NOTE}}</blockquote>{{/REJECTED}}
