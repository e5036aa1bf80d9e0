{{%AUTOESCAPE context="HTML"}}
<h1>Manage this entry</h1>
<p class="lede">The directory's entry for <strong dir="auto">{{NAME}}</strong>.</p>
{{#ASK}}{{#PROBLEM}}<p class="error" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<p>To confirm, update or remove this entry, ask for a link: type the contact email address the directory has for it. The link is sent only to that address, and works for 30 days.</p>
<form class="entry-form" method="post" action="{{SELF}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="m-email">Contact email address</label>
<input id="m-email" name="email" type="email" autocomplete="email" required></div>
<button type="submit">Send me a link</button>
</form>{{/ASK}}
{{#ASKED}}<div class="notice confirmation" role="status"><p>If the address you typed is the contact address of this entry, a link to manage it is on its way there. It works for 30 days.</p>
<p>If nothing arrives, check the spam folder, or write to the directory's staff.</p></div>{{/ASKED}}
{{#ENTRY}}{{#DONE}}<div class="notice confirmation" role="status"><p>{{TEXT}}</p></div>{{/DONE}}
{{#LISTED}}<p>Last confirmed: <time datetime="{{CONFIRMED}}">{{CONFIRMED}}</time>. <a href="{{PROFILE_HREF}}" rel="noreferrer">See the entry as visitors see it</a>.</p>{{/LISTED}}
{{#PENDING}}<p class="notice">Changes sent from this page (reference {{REFERENCE}}) are waiting for the staff's review.</p>{{/PENDING}}
{{#NOT_LISTED}}<p class="notice">This entry is not listed in the directory. To list it again, write to the directory's staff.</p>{{/NOT_LISTED}}
{{#BUTTONS}}<div class="manage-actions">
<form method="post" action="{{SELF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="confirm">
<button type="submit">Still seeking partners</button> <span class="hint">Confirms the entry as it is, as of today.</span></form>
<form method="post" action="{{SELF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="update">
<button type="submit">Update my entry</button> <span class="hint">The entry's form, filled in; the staff review changes before they appear.</span></form>
<form method="post" action="{{SELF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="remove">
<button type="submit">Remove my entry</button> <span class="hint">Takes it out of the directory; you are asked to confirm first.</span></form>
</div>{{/BUTTONS}}
{{#UPDATE}}<h2>Update the entry</h2>
<p>Change what needs changing and send it. The directory's staff read the changes before they appear, as with an application; meanwhile the entry stays as it is.</p>
<form class="entry-form" method="post" action="{{SELF}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="save">
{{>FIELDS}}
<button type="submit">Send the changes for review</button>
</form>{{/UPDATE}}
{{#REMOVE_ASK}}<h2>Remove this entry?</h2>
<p>The entry leaves the directory at once: visitors no longer see it, and nobody can find it to write to you. The directory's staff keep its history.</p>
<form method="post" action="{{SELF}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="remove-yes">
<button type="submit">Yes, remove the entry</button> <a href="{{SELF}}">No, keep it</a></form>{{/REMOVE_ASK}}
{{/ENTRY}}
