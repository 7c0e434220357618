/*
 * labels.c - the one table of section and column names in every supported
 * language (SPEC 2.3). The Markdown reader looks headings up here; the
 * writers and renderers take their labels from here.
 */
#include <string.h>

#include "internal.h"

static const char *const section_keys[CR_SEC__COUNT] = {
	"attendees", "absent", "distribution", "agenda",
	"discussion", "agreements", "actions", "internal",
};

static const char *const section_labels[CR_SEC__COUNT][CR_LANG__COUNT] = {
	{ "Attendees", "Thành phần tham dự", "与会者", "Участники" },
	{ "Absent", "Vắng mặt", "缺席", "Отсутствовали" },
	{ "Distribution", "Nơi nhận", "分发", "Рассылка" },
	{ "Agenda", "Chương trình", "议程", "Повестка" },
	{ "Discussion", "Nội dung thảo luận", "讨论", "Обсуждение" },
	{ "Agreements", "Thống nhất", "达成一致", "Договоренности" },
	{ "Actions", "Các bước tiếp theo", "下一步行动", "Следующие шаги" },
	{ "Internal", "Ghi chú nội bộ", "内部备注", "Внутренние заметки" },
};

static const char *const column_keys[CR_COL__COUNT] = {
	"id", "what", "who", "due", "status", "note",
};

static const char *const column_labels[CR_COL__COUNT][CR_LANG__COUNT] = {
	{ "ID", "Mã", "编号", "№" },
	{ "What", "Việc cần làm", "事项", "Что" },
	{ "Who", "Người thực hiện", "负责人", "Кто" },
	{ "Due", "Thời hạn", "期限", "Срок" },
	{ "Status", "Trạng thái", "状态", "Статус" },
	{ "Note", "Ghi chú", "备注", "Примечание" },
};

static cr_lang
lang_or_en(cr_lang l)
{
	return (unsigned)l < CR_LANG__COUNT ? l : CR_LANG_EN;
}

const char *
cr_section_label(cr_section s, cr_lang l)
{
	return (unsigned)s < CR_SEC__COUNT ? section_labels[s][lang_or_en(l)]
	                                   : "";
}

const char *
cr_section_key(cr_section s)
{
	return (unsigned)s < CR_SEC__COUNT ? section_keys[s] : "";
}

int
cr_section_lookup(const char *heading)
{
	size_t s, l;

	for (s = 0; s < CR_SEC__COUNT; s++)
		for (l = 0; l < CR_LANG__COUNT; l++)
			if (cr_utf8_casecmp(heading, section_labels[s][l]) == 0)
				return (int)s;
	/* English alias of SPEC 2.3. */
	if (cr_utf8_casecmp(heading, "Next steps") == 0)
		return CR_SEC_ACTIONS;
	return -1;
}

const char *
cr_column_label(cr_column c, cr_lang l)
{
	return (unsigned)c < CR_COL__COUNT ? column_labels[c][lang_or_en(l)]
	                                   : "";
}

const char *
cr_column_key(cr_column c)
{
	return (unsigned)c < CR_COL__COUNT ? column_keys[c] : "";
}

int
cr_column_lookup(const char *header)
{
	size_t c, l;

	for (c = 0; c < CR_COL__COUNT; c++)
		for (l = 0; l < CR_LANG__COUNT; l++)
			if (cr_utf8_casecmp(header, column_labels[c][l]) == 0)
				return (int)c;
	return -1;
}
