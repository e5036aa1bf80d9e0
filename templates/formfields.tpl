{{%AUTOESCAPE context="HTML"}}
{{!
  The fields of a posted form (src/form.c fills it): the error summary first, then a
  fieldset per group. Each field's hint and error are tied to it with aria-describedby, and
  a field with a problem says so beside it and in the summary, which links to it.
}}
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">{{#PLURAL}}There are {{COUNT}} problems{{/PLURAL}}{{#SINGULAR}}There is a problem{{/SINGULAR}} with this form</h2>
{{#FORM_ERROR}}<p>{{MESSAGE}}</p>{{/FORM_ERROR}}
<ul>
{{#ERROR}}<li><a href="{{HREF}}">{{LABEL}}: {{MESSAGE}}</a></li>
{{/ERROR}}</ul>
<p>Everything you typed is still here; correct what is marked and send the form again.</p>
</div>
{{/ERRORS}}
{{#GROUP}}<fieldset class="group">
{{#LEGEND}}<legend>{{TEXT}}</legend>{{/LEGEND}}
{{#FIELD}}
{{#INPUT}}<div class="field{{#NUMBER}} number{{/NUMBER}}{{#BAD}} bad{{/BAD}}">
<label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="optional">(optional)</span>{{/OPTIONAL}}</label>
{{#HINT}}<p class="hint" id="h-{{NAME}}">{{TEXT}}</p>{{/HINT}}
{{#ERROR}}<p class="field-error" id="e-{{NAME}}"><span class="visually-hidden">Error: </span>{{MESSAGE}}</p>{{/ERROR}}
<input id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}"{{#INPUTMODE}} inputmode="{{MODE}}"{{/INPUTMODE}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#BAD}} aria-invalid="true"{{/BAD}}>
</div>{{/INPUT}}
{{#TEXTAREA}}<div class="field{{#BAD}} bad{{/BAD}}">
<label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="optional">(optional)</span>{{/OPTIONAL}}</label>
{{#HINT}}<p class="hint" id="h-{{NAME}}">{{TEXT}}</p>{{/HINT}}
{{#ERROR}}<p class="field-error" id="e-{{NAME}}"><span class="visually-hidden">Error: </span>{{MESSAGE}}</p>{{/ERROR}}
<textarea id="{{ID}}" name="{{NAME}}" rows="5" dir="auto"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#BAD}} aria-invalid="true"{{/BAD}}>{{VALUE}}</textarea>
</div>{{/TEXTAREA}}
{{#SELECT}}<div class="field{{#BAD}} bad{{/BAD}}">
<label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="optional">(optional)</span>{{/OPTIONAL}}</label>
{{#HINT}}<p class="hint" id="h-{{NAME}}">{{TEXT}}</p>{{/HINT}}
{{#ERROR}}<p class="field-error" id="e-{{NAME}}"><span class="visually-hidden">Error: </span>{{MESSAGE}}</p>{{/ERROR}}
<select id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#BAD}} aria-invalid="true"{{/BAD}}>
<option value="">Choose…</option>
{{#OPTGROUP}}{{#LABELLED}}<optgroup label="{{GROUP}}">{{/LABELLED}}
{{#OPTION}}<option value="{{VALUE}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{LABEL}}</option>
{{/OPTION}}{{#LABELLED}}</optgroup>{{/LABELLED}}
{{/OPTGROUP}}</select>
</div>{{/SELECT}}
{{#RADIOS}}<fieldset class="field choices{{#BAD}} bad{{/BAD}}" id="{{ID}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
<legend>{{LABEL}}{{#OPTIONAL}} <span class="optional">(optional)</span>{{/OPTIONAL}}</legend>
{{#HINT}}<p class="hint" id="h-{{NAME}}">{{TEXT}}</p>{{/HINT}}
{{#ERROR}}<p class="field-error" id="e-{{NAME}}"><span class="visually-hidden">Error: </span>{{MESSAGE}}</p>{{/ERROR}}
{{#OPTGROUP}}{{#OPTION}}<div class="choice"><input type="radio" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHOSEN}} checked{{/CHOSEN}}> <label for="{{OPTION_ID}}">{{LABEL}}</label></div>
{{/OPTION}}{{/OPTGROUP}}</fieldset>{{/RADIOS}}
{{#CHECKBOXES}}<fieldset class="field choices{{#BAD}} bad{{/BAD}}" id="{{ID}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
<legend>{{LABEL}}{{#OPTIONAL}} <span class="optional">(optional)</span>{{/OPTIONAL}}</legend>
{{#HINT}}<p class="hint" id="h-{{NAME}}">{{TEXT}}</p>{{/HINT}}
{{#ERROR}}<p class="field-error" id="e-{{NAME}}"><span class="visually-hidden">Error: </span>{{MESSAGE}}</p>{{/ERROR}}
{{#CHOSEN_LIST}}<p class="chosen">Chosen: {{TEXT}}</p>{{/CHOSEN_LIST}}
<div class="options{{#SCROLL}} scroll{{/SCROLL}}">
{{#OPTGROUP}}{{#OPTION}}<div class="choice"><input type="checkbox" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHOSEN}} checked{{/CHOSEN}}> <label for="{{OPTION_ID}}">{{LABEL}}</label></div>
{{/OPTION}}{{/OPTGROUP}}</div>
</fieldset>{{/CHECKBOXES}}
{{#FLAG}}<div class="field choice{{#BAD}} bad{{/BAD}}">
{{#ERROR}}<p class="field-error" id="e-{{NAME}}"><span class="visually-hidden">Error: </span>{{MESSAGE}}</p>{{/ERROR}}
<input type="checkbox" id="{{ID}}" name="{{NAME}}" value="1"{{#CHOSEN}} checked{{/CHOSEN}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}> <label for="{{ID}}">{{LABEL}}</label>
{{#HINT}}<p class="hint" id="h-{{NAME}}">{{TEXT}}</p>{{/HINT}}
</div>{{/FLAG}}
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
{{/FIELD}}
</fieldset>
{{/GROUP}}
