{{%AUTOESCAPE context="HTML"}}
<h1>Accounts</h1>
<p class="lede">Who can sign in to the staff pages. Staff review applications and keep entries and partnerships; board members read everything and change nothing; administrators also manage these accounts.</p>
{{#MESSAGE}}<p class="notice" role="status">{{TEXT}}</p>{{/MESSAGE}}
<div class="table-wrap"><table class="staff-table">
<caption class="visually-hidden">Accounts</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Made</th><th scope="col"><span class="visually-hidden">Change</span></th></tr></thead>
<tbody>
{{#ACCOUNT}}<tr><td dir="auto">{{NAME}}</td><td>{{ROLE}}</td><td>{{STATE}}</td><td><time datetime="{{SINCE_ISO}}">{{SINCE}}</time></td><td>
{{#YOU}}you{{/YOU}}{{#DISABLE}}<form method="post" action="{{BASE}}/accounts/disable"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="account" value="{{NAME}}"><button type="submit" class="small">Disable<span class="visually-hidden"> {{NAME}}</span></button></form>{{/DISABLE}}{{#ENABLE}}<form method="post" action="{{BASE}}/accounts/enable"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="account" value="{{NAME}}"><button type="submit" class="small">Enable<span class="visually-hidden"> {{NAME}}</span></button></form>{{/ENABLE}}
</td></tr>
{{/ACCOUNT}}</tbody></table></div>

<h2 id="add">Add an account</h2>
<form class="entry-form narrow" method="post" action="{{BASE}}/accounts" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>ADD_FIELDS}}
<button type="submit">Add the account</button>
</form>

<h2 id="password">Give an account a new password</h2>
<p>For someone who has forgotten theirs. Their own sign-ins stay as they are.</p>
<form class="entry-form narrow" method="post" action="{{BASE}}/accounts/password" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>PASSWORD_FIELDS}}
<button type="submit">Set the new password</button>
</form>
