{{%AUTOESCAPE context="HTML"}}
<h1>Backups and settings</h1>
<p class="lede">Copies of the whole database (entries, applications, partnerships, accounts, the audit log), made and put back while the site keeps running. A copy holds everything: keep downloaded ones private.</p>
{{#DONE}}<p class="notice done" role="status">{{TEXT}}</p>{{/DONE}}
{{#REFUSED}}<div class="error-summary" role="alert" tabindex="-1"><p>{{TEXT}}</p></div>{{/REFUSED}}
{{#CONFIRM}}<section class="notice confirm" aria-labelledby="confirm-title">
<h2 id="confirm-title">Restore from {{NAME}}?</h2>
{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}
<p>This replaces the site's database, <code>{{DB}}</code> ({{DB_SIZE}}), with the copy <code>{{NAME}}</code> ({{SIZE}}, schema version {{VERSION}}). Everything written since the copy was made (applications, changes to entries and partnerships, accounts and passwords) is replaced by what the copy holds. The database as it is now is backed up first, as a copy named <code>liaison-before-restore-…</code>, so this can be undone by restoring that.</p>
<form method="post" action="{{BASE}}/backups/restore">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="name" value="{{NAME}}">
<input type="hidden" name="confirm" value="yes">
<button type="submit">Replace the database with {{NAME}}</button> <a href="{{BASE}}/backups">Cancel</a>
</form>
</section>{{/CONFIRM}}
{{#SETTINGS}}<section class="error-summary" aria-labelledby="settings-title">
<h2 id="settings-title">The settings have {{COUNT}} problem(s)</h2>
<p>The site runs, with the default for each setting named here. Correct the file in your hosting panel's file manager; the programs read it again when they next start (within minutes).</p>
<div class="table-wrap"><table class="staff-table">
<thead><tr><th scope="col">Where</th><th scope="col">Setting</th><th scope="col">What is wrong, and what is allowed</th></tr></thead>
<tbody>
{{#PROBLEM}}<tr><td><code>{{FILE}}</code>{{#LINE}}, line {{N}}{{/LINE}}</td><td><code>{{KEY}}</code></td><td>{{TEXT}}</td></tr>
{{/PROBLEM}}</tbody></table></div>
{{#MORE}}<p>…and {{COUNT}} more.</p>{{/MORE}}
</section>{{/SETTINGS}}

<h2 id="now">Download a backup now</h2>
<form method="post" action="{{BASE}}/backups/now">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>A checked copy of the database as it is this moment, kept in the list below and downloaded to your computer.</p>
<button type="submit">Make a backup and download it</button>
</form>

<h2 id="copies">The site's copies</h2>
<p>In <code>{{FOLDER}}</code>, outside the public web folder. {{#KEEP_SOME}}The newest {{KEEP}} of each kind are kept, and older ones deleted as new ones are made (<code>LIAISON_BACKUPS_KEEP</code> in <code>liaison.conf</code>).{{/KEEP_SOME}}{{#KEEP_ALL}}Every copy is kept (<code>LIAISON_BACKUPS_KEEP = 0</code>); delete old ones yourself.{{/KEEP_ALL}}</p>
{{#UNREADABLE}}<p class="error-summary" role="alert">The folder {{UNREADABLE}} cannot be read.</p>{{/UNREADABLE}}
{{#NO_COPIES}}<p>No copies yet. Make one above, or let the nightly cron job make them.</p>{{/NO_COPIES}}
<div class="table-wrap"><table class="staff-table backups">
<thead><tr><th scope="col">Copy</th><th scope="col">What</th><th scope="col">Made</th><th scope="col">Size</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
{{#COPY}}<tr><td><a href="{{HREF}}" download><code>{{NAME}}</code></a></td><td>{{KIND}}</td><td><time>{{WHEN}}</time></td><td>{{SIZE}}</td><td><form method="post" action="{{BASE}}/backups/restore"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="name" value="{{NAME}}"><button type="submit" class="small">Restore…<span class="visually-hidden"> {{NAME}}</span></button></form></td></tr>
{{/COPY}}</tbody></table></div>
{{#BUNDLE}}<p>A copy every night, from your hosting panel's cron jobs (cPanel: <b>Cron Jobs</b>; Plesk: <b>Scheduled Tasks</b>), quiet unless it fails, so the panel mails only then:</p>
<pre><code>{{CRON}}</code></pre>{{/BUNDLE}}

<h2 id="upload">Restore from a copy on your computer</h2>
<form class="entry-form" method="post" action="{{BASE}}/backups/upload" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-backup">Backup file (.db)</label>
<p class="hint" id="h-backup">A copy this site or another Liaison site made, up to {{UPLOAD_MB}} MB (<code>LIAISON_BACKUP_UPLOAD_MB</code>). It is checked, and kept among the copies above, before anything is replaced; you are asked to confirm first. On a host running Liaison under mod_fcgid, Apache itself refuses requests over 128 KB (<code>FcgidMaxRequestLen</code>, which only the host can raise); Liaison's <code>.htaccess</code> hands larger uploads to plain CGI where the host has it. Where neither works, upload the file into <code>{{FOLDER}}</code> with your file manager: it is listed above if named <code>liaison-uploaded-YYYYMMDD-HHMMSS.db</code>.</p>
<input id="f-backup" name="file" type="file" accept=".db,.sqlite,.sqlite3,application/vnd.sqlite3" aria-describedby="h-backup" data-max-bytes="{{UPLOAD_BYTES}}">
</div>
<button type="submit">Check the copy</button>
</form>
<script src="{{STATIC}}/liaison.js" defer></script>
