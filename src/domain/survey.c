/*
 * survey.c - the IMLS Public Libraries Survey's program items (survey.h). Item numbers and
 * variable names are those of the FY2024 data element definitions (README names the edition);
 * 609 and 619, the totals by format, are the survey's check totals and have no variable in its
 * data file, so they carry Liaison's names TOTPRO_FMT and TOTATTEN_FMT.
 */
#include <stddef.h>

#include "survey.h"

const struct survey_item survey_items[] = {
	{ 600, "TOTPRO", "Total synchronous program sessions (601 to 605)" },
	{ 601, "K0_5PRO", "Synchronous programs for children ages 0-5" },
	{ 602, "K6_11PRO", "Synchronous programs for children ages 6-11" },
	{ 603, "YAPRO", "Synchronous programs for young adults ages 12-18" },
	{ 604, "ADULTPRO", "Synchronous programs for adults ages 19 and older" },
	{ 605, "GENPRO", "Synchronous general interest programs (all ages)" },
	{ 606, "ONPRO", "Synchronous in-person onsite program sessions" },
	{ 607, "OFFPRO", "Synchronous in-person offsite program sessions" },
	{ 608, "VIRPRO", "Synchronous virtual program sessions" },
	{ 609, "TOTPRO_FMT", "Total synchronous program sessions by format (606 to 608)" },
	{ 610, "TOTATTEN", "Total attendance at synchronous programs (611 to 615)" },
	{ 611, "K0_5ATTEN", "Attendance at programs for children ages 0-5" },
	{ 612, "K6_11ATTEN", "Attendance at programs for children ages 6-11" },
	{ 613, "YAATTEN", "Attendance at programs for young adults ages 12-18" },
	{ 614, "ADULTATTEN", "Attendance at programs for adults ages 19 and older" },
	{ 615, "GENATTEN", "Attendance at general interest programs" },
	{ 616, "ONATTEN", "Attendance at in-person onsite program sessions" },
	{ 617, "OFFATTEN", "Attendance at in-person offsite program sessions" },
	{ 618, "VIRATTEN", "Attendance at virtual program sessions (a hybrid's online audience too)" },
	{ 619, "TOTATTEN_FMT", "Total attendance at synchronous programs by format (616 to 618)" },
	{ 620, "RECPRO", "Asynchronous program presentations (recordings posted)" },
	{ 630, "RECVIEW", "Views of asynchronous program presentations within 30 days of posting" },
};
const int survey_item_count = sizeof survey_items / sizeof survey_items[0];

const struct survey_check survey_checks[] = {
	{ "Programs: total by age (600) = total by format (609)", 600, 609 },
	{ "Attendance: total by age (610) = total by format (619)", 610, 619 },
};
const int survey_check_count = sizeof survey_checks / sizeof survey_checks[0];

static long long
sum(const struct report_data *d, int from, int n)
{
	long long t = 0;

	for (int i = 0; i < n; i++)
		t += d->v[from + i];
	return t;
}

long long
survey_value_of(int number, const struct report_data *d)
{
	const long long *v = d->v;

	if (number >= 601 && number <= 605)
		return v[RF_IMLS_K0_5_PRO + number - 601];
	if (number >= 611 && number <= 615)
		return v[RF_IMLS_K0_5_ATTEN + number - 611];
	switch (number) {
	case 600: return sum(d, RF_IMLS_K0_5_PRO, 5);
	case 606: return v[RF_IMLS_ONSITE_PRO];
	case 607: return v[RF_IMLS_OFFSITE_PRO];
	case 608: return v[RF_IMLS_VIRTUAL_PRO];
	case 609: return v[RF_IMLS_ONSITE_PRO] + v[RF_IMLS_OFFSITE_PRO] + v[RF_IMLS_VIRTUAL_PRO];
	case 610: return sum(d, RF_IMLS_K0_5_ATTEN, 5);
	case 616: return v[RF_IMLS_ONSITE_ATTEN];
	case 617: return v[RF_IMLS_OFFSITE_ATTEN];
	case 618: return v[RF_IMLS_VIRTUAL_ATTEN];
	case 619: return v[RF_IMLS_ONSITE_ATTEN] + v[RF_IMLS_OFFSITE_ATTEN] + v[RF_IMLS_VIRTUAL_ATTEN];
	case 620: return v[RF_IMLS_ASYNC_PRO];
	case 630: return v[RF_IMLS_ASYNC_VIEWS];
	}
	return -1;
}

long long
survey_value(int i, const struct report_data *d)
{
	return survey_value_of(survey_items[i].number, d);
}
