{{%AUTOESCAPE context="HTML"}}
<h1>Set up this site</h1>
<p class="lede">This site has no administrator yet. To show that you are the person who installed it, you need a code that the site has just written into a file on your hosting account, where only someone with access to the site's files can read it.</p>
<ol class="next-steps">
<li>Open your hosting's file manager (or an FTP program).</li>
<li>Find the file <code class="path">{{FILE}}</code>, open it, and copy the one line in it. (The path starts from your account's top folder, the one that holds your site's public folder, as the file manager shows it.)</li>
<li>Paste it below, and choose your account name and password.</li>
</ol>
{{#DATA}}<p>This site keeps its database in the folder <code class="path">{{FOLDER}}</code>, in your account's top folder, outside every public folder and for this site alone (another Liaison site in the same account gets a folder of its own). The choice is written into <code>liaison.conf</code> as <code>LIAISON_DB</code>: keep that line when you upgrade.</p>{{/DATA}}
{{#SUEXEC}}<p>This host runs Liaison's programs as your hosting account, which owns the files (suEXEC): the data folder is your account's alone (the folder 700, the database 600), and your account's nightly cron backup can read it.</p>{{/SUEXEC}}
{{#NO_SUEXEC}}<div class="notice" role="note"><h2>This host has no suEXEC</h2><p>It runs Liaison's programs as the web server's own user, not as your hosting account. That user is the same for every site on the host, so other sites' programs could read and change this site's data folder whatever its permissions. Liaison leaves its files there readable and writable by your account, so that your account's nightly cron backup still works. To keep the data yours alone, ask your host to turn on suEXEC for your account (INSTALL.md, "Without suEXEC").</p></div>{{/NO_SUEXEC}}
{{#DAMAGED}}<div class="notice" role="alert"><h2>Damaged in the upload: {{FILES}}</h2><p>These files are not the size the bundle had: an FTP program sent them as text. Upload them again in binary mode (FileZilla: menu <b>Transfer</b>, <b>Transfer type</b>, <b>Binary</b>), or upload the <code>.tar.gz</code> and Extract it in the file manager. Until then the nightly backup (<code>bin/liaison-admin</code>) fails, saying so.</p></div>{{/DAMAGED}}
<form class="entry-form narrow" method="post" action="{{BASE}}/setup" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<button type="submit">Make my administrator account</button>
</form>
<p class="hint">Once the account is made, the file is removed and this page is gone. More accounts for staff and board members are made later by an administrator.</p>
