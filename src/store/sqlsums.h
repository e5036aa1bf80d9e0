/*
 * sqlsums.h - the report's summed columns, for sql.c's report statements only: REPORT_SUMS
 * sums them, REPORT_COLUMNS names them, REPORT_ADD adds an import's sums to a day's. All three
 * in the column order of activity_day, activity_partnership_day and enum rf (report.h); a new
 * figure is a column in each (ARCHITECTURE.md, "Report figures").
 */
#ifndef LIAISON_SQLSUMS_H
#define LIAISON_SQLSUMS_H
#define REPORT_SUMS \
	"sum(activities), sum(program_sessions_in), sum(program_sessions_virt)," \
	" sum(outreach_sessions), sum(program_0_5_in), sum(program_6_11_in)," \
	" sum(program_12_18_in), sum(program_adult_in), sum(program_all_in)," \
	" sum(program_0_5_virt), sum(program_6_11_virt), sum(program_12_18_virt)," \
	" sum(program_adult_virt), sum(program_all_virt), sum(outreach_attendance)," \
	" sum(staff_minutes), sum(volunteer_minutes), sum(library_cents), sum(partner_cents)," \
	" sum(in_kind_cents), sum(materials), sum(respondents), sum(agree_knowledge)," \
	" sum(agree_confidence), sum(agree_application), sum(agree_awareness), sum(imls_k0_5_pro)," \
	" sum(imls_k6_11_pro), sum(imls_ya_pro), sum(imls_adult_pro), sum(imls_gen_pro)," \
	" sum(imls_k0_5_atten), sum(imls_k6_11_atten), sum(imls_ya_atten), sum(imls_adult_atten)," \
	" sum(imls_gen_atten), sum(asked_knowledge), sum(asked_confidence)," \
	" sum(asked_application), sum(asked_awareness), sum(respondents_knowledge)," \
	" sum(respondents_confidence), sum(respondents_application), sum(respondents_awareness)," \
	" sum(imls_onsite_pro), sum(imls_offsite_pro), sum(imls_virtual_pro), sum(imls_onsite_atten)," \
	" sum(imls_offsite_atten), sum(imls_virtual_atten), sum(imls_async_pro), sum(imls_async_views)"
#define REPORT_COLUMNS \
	"activities, program_sessions_in, program_sessions_virt, outreach_sessions," \
	" program_0_5_in, program_6_11_in, program_12_18_in, program_adult_in, program_all_in," \
	" program_0_5_virt, program_6_11_virt, program_12_18_virt, program_adult_virt," \
	" program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents," \
	" partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence," \
	" agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro," \
	" imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten," \
	" imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence, asked_application," \
	" asked_awareness, respondents_knowledge, respondents_confidence, respondents_application," \
	" respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro," \
	" imls_onsite_atten, imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views"
#define REPORT_ADD \
	"activities = activities + excluded.activities, program_sessions_in = program_sessions_in" \
	" + excluded.program_sessions_in, program_sessions_virt = program_sessions_virt +" \
	" excluded.program_sessions_virt, outreach_sessions = outreach_sessions +" \
	" excluded.outreach_sessions, program_0_5_in = program_0_5_in + excluded.program_0_5_in," \
	" program_6_11_in = program_6_11_in + excluded.program_6_11_in, program_12_18_in =" \
	" program_12_18_in + excluded.program_12_18_in, program_adult_in = program_adult_in +" \
	" excluded.program_adult_in, program_all_in = program_all_in + excluded.program_all_in," \
	" program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt, program_6_11_virt =" \
	" program_6_11_virt + excluded.program_6_11_virt, program_12_18_virt = program_12_18_virt" \
	" + excluded.program_12_18_virt, program_adult_virt = program_adult_virt +" \
	" excluded.program_adult_virt, program_all_virt = program_all_virt +" \
	" excluded.program_all_virt, outreach_attendance = outreach_attendance +" \
	" excluded.outreach_attendance, staff_minutes = staff_minutes + excluded.staff_minutes," \
	" volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes, library_cents =" \
	" library_cents + excluded.library_cents, partner_cents = partner_cents +" \
	" excluded.partner_cents, in_kind_cents = in_kind_cents + excluded.in_kind_cents," \
	" materials = materials + excluded.materials, respondents = respondents +" \
	" excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge," \
	" agree_confidence = agree_confidence + excluded.agree_confidence, agree_application =" \
	" agree_application + excluded.agree_application, agree_awareness = agree_awareness +" \
	" excluded.agree_awareness, imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro," \
	" imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro +" \
	" excluded.imls_ya_pro, imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro," \
	" imls_gen_pro = imls_gen_pro + excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten +" \
	" excluded.imls_k0_5_atten, imls_k6_11_atten = imls_k6_11_atten +" \
	" excluded.imls_k6_11_atten, imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten," \
	" imls_adult_atten = imls_adult_atten + excluded.imls_adult_atten, imls_gen_atten =" \
	" imls_gen_atten + excluded.imls_gen_atten, asked_knowledge = asked_knowledge +" \
	" excluded.asked_knowledge, asked_confidence = asked_confidence +" \
	" excluded.asked_confidence, asked_application = asked_application +" \
	" excluded.asked_application, asked_awareness = asked_awareness +" \
	" excluded.asked_awareness, respondents_knowledge = respondents_knowledge +" \
	" excluded.respondents_knowledge, respondents_confidence = respondents_confidence +" \
	" excluded.respondents_confidence, respondents_application = respondents_application +" \
	" excluded.respondents_application, respondents_awareness = respondents_awareness +" \
	" excluded.respondents_awareness, imls_onsite_pro = imls_onsite_pro + excluded.imls_onsite_pro," \
	" imls_offsite_pro = imls_offsite_pro + excluded.imls_offsite_pro, imls_virtual_pro =" \
	" imls_virtual_pro + excluded.imls_virtual_pro, imls_onsite_atten = imls_onsite_atten +" \
	" excluded.imls_onsite_atten, imls_offsite_atten = imls_offsite_atten +" \
	" excluded.imls_offsite_atten, imls_virtual_atten = imls_virtual_atten +" \
	" excluded.imls_virtual_atten, imls_async_pro = imls_async_pro + excluded.imls_async_pro," \
	" imls_async_views = imls_async_views + excluded.imls_async_views"
#endif
