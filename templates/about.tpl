{{%AUTOESCAPE context="HTML"}}
<h1>About this directory</h1>
<p class="lede">{{SITE_NAME}} is a directory of libraries and community organizations looking for partners: sister libraries abroad, refugee centers, schools, cultural groups and others who want to work together.</p>

<h2>Who runs it</h2>
<p>The directory is run by <strong dir="auto">{{OPERATOR_NAME}}</strong>{{#POSTAL}}, <span dir="auto">{{ADDRESS}}</span>{{/POSTAL}}.</p>
{{#MAIL}}<p>To reach the directory's staff, write to <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>.</p>{{/MAIL}}
{{#NO_MAIL}}<p>This site has not published an address for its staff yet.</p>{{/NO_MAIL}}

<h2>How listing works</h2>
<p>Any library or community organization can <a href="{{LINK_APPLY}}">apply to be listed</a>. The application asks what the organization is, where it works, its languages and the activities it wants to do with a partner, and the name and email address of a contact person.</p>

<h2>How review works</h2>
<p>Nothing an applicant sends is shown until the directory's staff have read it and approved it. Staff may approve an application, ask a question first, or decline it with a reason; the applicant can follow this on the page the application's reference leads to. Listed entries are confirmed again every year; one not confirmed for over a year is marked <em>possibly out of date</em>.</p>

<h2>Contacting an organization</h2>
<p>Each listed organization's page has a form for writing to it. The message goes to the organization's contact address with your address to reply to; the organization's address is not shown unless it chose to show it. The directory keeps the message only until it has been delivered, and keeps for its reports only how many messages each organization received each day.</p>

<h2>Privacy</h2>
<ul>
<li><strong>What is stored:</strong> what each organization sent when it applied (its details, and a contact person's name and email address), the partnerships and activities staff record, and the names of staff accounts.</li>
<li><strong>Patrons are never recorded.</strong> Activities are counted (how many came, by age band), never who came.</li>
<li><strong>Messages sent through the contact form</strong> are kept only until delivered. To keep one person from flooding an organization, the directory remembers for two days a scrambled form (a keyed hash) of each sender's address, never the address itself.</li>
<li><strong>An organization's email address</strong> is shown publicly only if it said so when it applied.</li>
<li><strong>To remove an entry</strong>, the organization writes to the directory's staff{{#MAIL}} at <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{/MAIL}} from its contact address; staff take it out of the directory at once.</li>
</ul>
