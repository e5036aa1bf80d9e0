{{%AUTOESCAPE context="HTML"}}
<h1>Set up this site</h1>
<p class="lede">This site has no administrator yet. To show that you are the person who installed it, you need a code that the site has just written into a file on your hosting account, where only someone with access to the site's files can read it.</p>
<ol class="next-steps">
<li>Open your hosting's file manager (or an FTP program).</li>
<li>Find the file <code class="path">{{FILE}}</code>, open it, and copy the one line in it. (The path starts from your account's top folder, the one that holds your site's public folder, as the file manager shows it.)</li>
<li>Paste it below, and choose your account name and password.</li>
</ol>
<form class="entry-form narrow" method="post" action="{{BASE}}/setup" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<button type="submit">Make my administrator account</button>
</form>
<p class="hint">Once the account is made, the file is removed and this page is gone. More accounts for staff and board members are made later by an administrator.</p>
