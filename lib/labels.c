/*
 * labels.c - the one table of section and column names in every supported
 * language (SPEC 2.3), and the other words of the reading formats
 * (cr_labels.h). The Markdown reader looks headings up here; the writers
 * and renderers take their labels from here.
 */
#include <string.h>

#include "cr_labels.h"
#include "internal.h"

static const char *const section_labels[CR_SEC__COUNT][CR_LANG__COUNT] = {
    {"Attendees", "Thành phần tham dự", "与会者", "Участники"},
    {"Absent", "Vắng mặt", "缺席", "Отсутствовали"},
    {"Distribution", "Nơi nhận", "分发", "Рассылка"},
    {"Agenda", "Chương trình", "议程", "Повестка"},
    {"Discussion", "Nội dung thảo luận", "讨论", "Обсуждение"},
    {"Agreements", "Thống nhất", "达成一致", "Договоренности"},
    {"Actions", "Các bước tiếp theo", "下一步行动", "Следующие шаги"},
    {"Internal", "Ghi chú nội bộ", "内部备注", "Внутренние заметки"},
    {"Confirmations", "Xác nhận", "确认", "Подтверждения"},
};

static const char *const column_labels[CR_COL__COUNT][CR_LANG__COUNT] = {
    {"ID", "Mã", "编号", "№"},
    {"What", "Việc cần làm", "事项", "Что"},
    {"Who", "Người thực hiện", "负责人", "Кто"},
    {"Due", "Thời hạn", "期限", "Срок"},
    {"Status", "Trạng thái", "状态", "Статус"},
    {"Note", "Ghi chú", "备注", "Примечание"},
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
	enum cr_field f = cr_section_field(s);

	/* the key is the field's: cr_fields.h names the section of each */
	return f < CR_F__COUNT ? cr_fields[f].key : "";
}

/* The languages to try for a heading: an ASCII one can only be the
 * English label, as no other label folds to ASCII (test_labels_ascii). */
static size_t
langs_for(const char *heading)
{
	return cr_utf8_is_ascii(heading) ? (size_t)CR_LANG_EN + 1
					 : CR_LANG__COUNT;
}

int
cr_section_lookup(const char *heading)
{
	size_t s, l, nl = langs_for(heading);

	for (s = 0; s < CR_SEC__COUNT; s++)
		for (l = 0; l < nl; l++)
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
	size_t f;

	/* the key is the action key whose column it is (cr_action_fields.h) */
	for (f = 0; f < CR_AF__COUNT; f++)
		if (cr_afields[f].col == (int)c)
			return cr_afields[f].key;
	return "";
}

int
cr_column_lookup(const char *header)
{
	size_t c, l, nl = langs_for(header);

	for (c = 0; c < CR_COL__COUNT; c++)
		for (l = 0; l < nl; l++)
			if (cr_utf8_casecmp(header, column_labels[c][l]) == 0)
				return (int)c;
	return -1;
}

/* ------------------------------------------------------------------ */
/* The words of the reading formats (cr_labels.h)                      */

static const char *const labels[CR_LABEL__COUNT][CR_LANG__COUNT] = {
    /* header fields */
    [CR_LABEL_TITLE] = {"Title", "Tiêu đề", "标题", "Тема"},
    [CR_LABEL_REPORT_ID] = {"Report ID", "Mã báo cáo", "报告编号",
			    "Номер отчета"},
    [CR_LABEL_CLIENT] = {"Client", "Khách hàng", "客户", "Клиент"},
    [CR_LABEL_PROJECT] = {"Project", "Dự án", "项目", "Проект"},
    [CR_LABEL_TYPE] = {"Type", "Hình thức", "形式", "Формат"},
    [CR_LABEL_OUTCOME] = {"Outcome", "Kết quả", "结果", "Результат"},
    [CR_LABEL_DATE] = {"Date", "Ngày", "日期", "Дата"},
    [CR_LABEL_LOCATION] = {"Location", "Địa điểm", "地点", "Место"},
    [CR_LABEL_AUTHOR] = {"Author", "Người lập", "撰写人", "Автор"},
    [CR_LABEL_ISSUED] = {"Issued", "Ngày gửi", "发送日期", "Дата рассылки"},
    [CR_LABEL_CONFIDENTIALITY] = {"Confidentiality", "Mức độ bảo mật",
				  "保密级别", "Конфиденциальность"},
    [CR_LABEL_NEXT_CONTACT] = {"Next contact", "Lần liên hệ tiếp theo",
			       "下次联系", "Следующий контакт"},
    [CR_LABEL_PREVIOUS] = {"Previous report", "Báo cáo trước", "上一份报告",
			   "Предыдущий отчет"},
    [CR_LABEL_TAGS] = {"Tags", "Thẻ", "标签", "Теги"},
    [CR_LABEL_STAGE] = {"Stage", "Giai đoạn", "阶段", "Этап"},
    /* person columns */
    [CR_LABEL_NAME] = {"Name", "Họ và tên", "姓名", "Имя"},
    [CR_LABEL_ROLE] = {"Role", "Chức vụ", "职务", "Должность"},
    [CR_LABEL_ORG] = {"Organisation", "Đơn vị", "单位", "Организация"},
    [CR_LABEL_EMAIL] = {"Email", "Email", "电子邮箱", "Электронная почта"},
    /* type */
    [CR_LABEL_TYPE_MEETING] = {"Meeting", "Cuộc họp", "会议", "Встреча"},
    [CR_LABEL_TYPE_CALL] = {"Call", "Cuộc gọi", "电话", "Звонок"},
    [CR_LABEL_TYPE_VIDEO] = {"Video call", "Họp trực tuyến", "视频会议",
			     "Видеозвонок"},
    [CR_LABEL_TYPE_VISIT] = {"Visit", "Chuyến thăm", "拜访", "Визит"},
    [CR_LABEL_TYPE_EMAIL] = {"Email", "Email", "电子邮件", "Электронная почта"},
    [CR_LABEL_TYPE_OTHER] = {"Other", "Khác", "其他", "Другое"},
    /* outcome */
    [CR_LABEL_OUTCOME_REACHED] = {"Reached", "Đã liên hệ được", "已联系上",
				  "Контакт состоялся"},
    [CR_LABEL_OUTCOME_NO_ANSWER] = {"No answer", "Không trả lời", "无人应答",
				    "Нет ответа"},
    [CR_LABEL_OUTCOME_LEFT_MESSAGE] = {"Message left", "Đã để lại lời nhắn",
				       "已留言", "Оставлено сообщение"},
    [CR_LABEL_OUTCOME_DECLINED] = {"Declined", "Từ chối", "已拒绝", "Отказ"},
    [CR_LABEL_OUTCOME_POSTPONED] = {"Postponed", "Hoãn lại", "已推迟",
				    "Перенесено"},
    /* confidentiality */
    [CR_LABEL_CONF_PUBLIC] = {"Public", "Công khai", "公开", "Открытый доступ"},
    [CR_LABEL_CONF_CLIENT] = {"Client", "Dành cho khách hàng", "可发给客户",
			      "Для клиента"},
    [CR_LABEL_CONF_INTERNAL] = {"Internal", "Nội bộ", "内部",
				"Для внутреннего пользования"},
    [CR_LABEL_CONF_CONFIDENTIAL] = {"Confidential", "Bảo mật", "机密",
				    "Конфиденциально"},
    /* status */
    [CR_LABEL_STATUS_OPEN] = {"Open", "Đang thực hiện", "进行中", "В работе"},
    [CR_LABEL_STATUS_DONE] = {"Done", "Hoàn thành", "已完成", "Выполнено"},
    [CR_LABEL_STATUS_BLOCKED] = {"Blocked", "Đang vướng mắc", "受阻",
				 "Заблокировано"},
    [CR_LABEL_STATUS_DROPPED] = {"Dropped", "Đã hủy", "已取消", "Отменено"},
    /* stage: the agency's job */
    [CR_LABEL_STAGE_BRIEF] = {"Brief", "Nhận brief", "需求简报", "Бриф"},
    [CR_LABEL_STAGE_DEBRIEF] = {"Debrief", "Phản hồi brief", "简报复核",
				"Дебриф"},
    [CR_LABEL_STAGE_IDEAS] = {"Ideas", "Ý tưởng", "创意", "Идеи"},
    [CR_LABEL_STAGE_PRESENTATION] = {"Presentation", "Thuyết trình", "提案",
				     "Презентация"},
    [CR_LABEL_STAGE_QUOTATION] = {"Quotation", "Báo giá", "报价",
				  "Коммерческое предложение"},
    [CR_LABEL_STAGE_PRODUCTION] = {"Production", "Sản xuất", "制作",
				   "Производство"},
    [CR_LABEL_STAGE_REPORT] = {"Report and settlement", "Báo cáo và quyết toán",
			       "结案报告与结算", "Отчет и закрытие расчетов"},
    [CR_LABEL_STAGE_CLOSED] = {"Closed", "Đã kết thúc", "已结束", "Закрыт"},
    /* stage: the fundraiser's donor */
    [CR_LABEL_STAGE_IDENTIFICATION] = {"Identification", "Xác định", "识别",
				       "Выявление"},
    [CR_LABEL_STAGE_QUALIFICATION] = {"Qualification", "Đánh giá", "资格评估",
				      "Квалификация"},
    [CR_LABEL_STAGE_CULTIVATION] = {"Cultivation", "Vun đắp quan hệ",
				    "关系培养", "Развитие отношений"},
    [CR_LABEL_STAGE_SOLICITATION] = {"Solicitation", "Đề nghị tài trợ", "劝募",
				     "Просьба о пожертвовании"},
    [CR_LABEL_STAGE_STEWARDSHIP] = {"Stewardship", "Chăm sóc nhà tài trợ",
				    "捐赠者维护", "Сопровождение донора"},
    /* the confirmation block */
    [CR_LABEL_CONFIRMED] = {"Confirmed", "Đã xác nhận", "已确认",
			    "Подтверждено"},
    [CR_LABEL_CORRECTION] = {"Correction requested", "Đề nghị điều chỉnh",
			     "要求修改", "Просит исправить"},
    /* the agenda */
    [CR_LABEL_AGENDA_KIND] = {"Agenda", "Chương trình làm việc", "会议议程",
			      "Повестка встречи"},
    [CR_LABEL_WHEN] = {"When", "Thời gian", "时间", "Когда"},
    [CR_LABEL_WHERE] = {"Where", "Địa điểm", "地点", "Где"},
    [CR_LABEL_INVITED] = {"Invited", "Thành phần mời", "受邀人员",
			  "Приглашены"},
    [CR_LABEL_TOPICS] = {"Topics", "Nội dung", "议题", "Вопросы"},
    [CR_LABEL_REVIEW] = {"Actions to review", "Các việc cần rà soát",
			 "待跟进事项", "Задачи для проверки"},
    /* marks and titles */
    [CR_LABEL_OVERDUE] = {"Overdue", "Quá hạn", "已逾期", "Просрочено"},
    [CR_LABEL_DAYS_OVERDUE] = {"Days overdue", "Số ngày quá hạn", "逾期天数",
			       "Дней просрочки"},
    [CR_LABEL_INTERNAL_COPY] = {"Internal — not for the client",
				"Nội bộ — không gửi khách hàng",
				"内部文件 — 请勿发给客户",
				"Для внутреннего пользования — не для клиента"},
    [CR_LABEL_CONTACT_REPORT] = {"Contact report", "Biên bản ghi nhận",
				 "客户联络报告", "Контакт-репорт"},
    [CR_LABEL_PAGE_OF] = {"Page %d of %d", "Trang %d/%d", "第 %d 页，共 %d 页",
			  "Страница %d из %d"},
    [CR_LABEL_SUBJECT] = {"Contact report: %s (%s)",
			  "Biên bản ghi nhận: %s (%s)",
			  "客户联络报告：%s（%s）", "Контакт-репорт: %s (%s)"},
    [CR_LABEL_OVERDUE_DAY] = {"%d day overdue", "quá hạn %d ngày", "逾期 %d 天",
			      "просрочено на %d дн."},
    [CR_LABEL_OVERDUE_DAYS] = {"%d days overdue", "quá hạn %d ngày",
			       "逾期 %d 天", "просрочено на %d дн."},
    [CR_LABEL_REPLY] = {"Please confirm this report, or send your "
			"corrections, within %d hours.",
			"Kính đề nghị quý vị xác nhận biên bản này hoặc gửi "
			"ý kiến điều chỉnh trong vòng %d giờ.",
			"请在 %d 小时内确认本报告，或提出修改意见。",
			"Просим подтвердить отчет или прислать исправления "
			"в течение %d ч."},
    [CR_LABEL_AGENDA_SUBJECT] = {"Agenda: %s — %s", "Chương trình: %s — %s",
				 "议程：%s — %s", "Повестка: %s — %s"},
};

/* Month names as they stand inside a long date (Russian: genitive). */
static const char *const months[12][CR_LANG__COUNT] = {
    {"January", "tháng 1", "1月", "января"},
    {"February", "tháng 2", "2月", "февраля"},
    {"March", "tháng 3", "3月", "марта"},
    {"April", "tháng 4", "4月", "апреля"},
    {"May", "tháng 5", "5月", "мая"},
    {"June", "tháng 6", "6月", "июня"},
    {"July", "tháng 7", "7月", "июля"},
    {"August", "tháng 8", "8月", "августа"},
    {"September", "tháng 9", "9月", "сентября"},
    {"October", "tháng 10", "10月", "октября"},
    {"November", "tháng 11", "11月", "ноября"},
    {"December", "tháng 12", "12月", "декабря"},
};

const char *
cr_label(cr_label_id id, cr_lang l)
{
	return (unsigned)id < CR_LABEL__COUNT ? labels[id][lang_or_en(l)] : "";
}

int
cr_label_format(cr_buf *out, cr_label_id id, cr_lang l, const char *a1,
		const char *a2)
{
	const char *s = cr_label(id, l), *arg;
	int nth = 0;

	while (*s != '\0') {
		if (s[0] == '%' && s[1] == '%') {
			cr_buf_putc(out, '%');
			s += 2;
		} else if (s[0] == '%' && (s[1] == 'd' || s[1] == 's')) {
			arg = nth++ == 0 ? a1 : a2;
			if (arg != NULL)
				cr_buf_puts(out, arg);
			s += 2;
		} else
			cr_buf_putc(out, *s++);
	}
	return out->oom ? -1 : 0;
}

const char *
cr_enum_label(cr_enum_kind kind, int value, cr_lang l)
{
	int first, n;

	switch (kind) {
	case CR_ENUM_TYPE:
		/* cr_type counts from CR_TYPE_NONE. */
		first = CR_LABEL_TYPE_MEETING - CR_TYPE_MEETING;
		n = CR_TYPE_INVALID;
		if (value == CR_TYPE_NONE)
			return "";
		break;
	case CR_ENUM_OUTCOME:
		first = CR_LABEL_OUTCOME_REACHED;
		n = CR_OUTCOME_INVALID;
		break;
	case CR_ENUM_CONF:
		first = CR_LABEL_CONF_PUBLIC;
		n = CR_CONF_INVALID;
		break;
	case CR_ENUM_STATUS:
		first = CR_LABEL_STATUS_OPEN;
		n = CR_STATUS_INVALID;
		break;
	case CR_ENUM_STAGE:
		first = CR_LABEL_STAGE_BRIEF;
		n = CR_LABEL_STAGE_STEWARDSHIP - CR_LABEL_STAGE_BRIEF + 1;
		break;
	default:
		return "";
	}
	if (value < 0 || value >= n)
		return "";
	return cr_label((cr_label_id)(first + value), l);
}

const char *
cr_stage_word(const char *stage, cr_lang l)
{
	size_t i;

	if (stage == NULL)
		return "";
	for (i = 0; cr_stage_values[i] != NULL; i++)
		if (strcmp(stage, cr_stage_values[i]) == 0)
			return cr_enum_label(CR_ENUM_STAGE, (int)i, l);
	return stage;
}

const char *
cr_month_name(int m, cr_lang l)
{
	return m >= 1 && m <= 12 ? months[m - 1][lang_or_en(l)] : "";
}

int
cr_format_date_long(const cr_datetime *dt, cr_lang l, cr_buf *out)
{
	int off = dt->offset < 0 ? -dt->offset : dt->offset;

	l = lang_or_en(l);
	switch (l) {
	case CR_LANG_VI:
		cr_buf_printf(out, "%d tháng %d năm %d", dt->day, dt->month,
			      dt->year);
		break;
	case CR_LANG_ZH:
		cr_buf_printf(out, "%d年%d月%d日", dt->year, dt->month,
			      dt->day);
		break;
	case CR_LANG_RU:
		cr_buf_printf(out, "%d %s %d г.", dt->day,
			      cr_month_name(dt->month, l), dt->year);
		break;
	default:
		cr_buf_printf(out, "%d %s %d", dt->day,
			      cr_month_name(dt->month, l), dt->year);
		break;
	}
	if (!dt->has_time)
		return out->oom ? -1 : 0;
	cr_buf_printf(out, l == CR_LANG_ZH ? " %02d:%02d" : ", %02d:%02d",
		      dt->hour, dt->minute);
	if (dt->second != 0)
		cr_buf_printf(out, ":%02d", dt->second);
	cr_buf_puts(out, l == CR_LANG_ZH ? "（UTC" : " (UTC");
	if (dt->offset != 0)
		cr_buf_printf(out, "%c%02d:%02d", dt->offset < 0 ? '-' : '+',
			      off / 60, off % 60);
	cr_buf_puts(out, l == CR_LANG_ZH ? "）" : ")");
	return out->oom ? -1 : 0;
}

cr_lang
cr_render_lang(const cr_report *r, const cr_write_opts *o)
{
	cr_lang l;

	if (o != NULL && (unsigned)o->lang < CR_LANG__COUNT)
		return o->lang;
	l = cr_report_lang(r);
	return (unsigned)l < CR_LANG__COUNT ? l : CR_LANG_EN;
}

const char *
cr_render_refusal(const cr_report *r, const cr_write_opts *o)
{
	if (o != NULL && o->audience == CR_AUDIENCE_INTERNAL)
		return NULL;
	switch (cr_report_conf(r)) {
	case CR_CONF_PUBLIC:
	case CR_CONF_CLIENT:
		return NULL;
	case CR_CONF_INTERNAL:
		return "the report is internal (confidentiality: internal): "
		       "it has no client copy; use --audience internal";
	case CR_CONF_CONFIDENTIAL:
		return "the report is confidential (confidentiality: "
		       "confidential): it has no client copy; use --audience "
		       "internal";
	default:
		return "the report's confidentiality is not one of public, "
		       "client, internal, confidential: no client copy is "
		       "made; "
		       "fix it or use --audience internal";
	}
}
