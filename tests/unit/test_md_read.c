/* test_md_read.c - the Markdown reader (SPEC 2.3): model, languages,
 * exact positions, diagnostics, hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "crtools.h"
#include "diag_text.h"

static const char spec_example[] =
    "---\n"
    "id: acme-2026-11-20\n"
    "client: ACME Beverages\n"
    "type: meeting\n"
    "date: 2026-11-20 14:00 +07:00\n"
    "author: Linh Tran\n"
    "issued: 2026-11-21 09:30 +07:00\n"
    "---\n"
    "# Summer launch kick-off\n"
    "\n"
    "## Attendees\n"
    "- Linh Tran (Account Executive, Sunrise Agency) <linh@sunrise.example>\n"
    "- Nguyen Van An (Brand Manager, ACME Beverages) <an@acme.example>\n"
    "\n"
    "## Discussion\n"
    "- TVC budget reduced to **1.2 bn VND**.\n"
    "\n"
    "## Agreements\n"
    "1. Client approves creative route B.\n"
    "\n"
    "## Actions\n"
    "| ID | What | Who | Due | Status |\n"
    "|----|------|-----|-----|--------|\n"
    "| acme-7 | Send the revised media plan | Linh Tran | 2026-11-25 | open "
    "|\n";

struct result {
	cr_reports rs;
	cr_diags d;
	const cr_report *r;
};

static void
read_form(struct result *res, cr_form form, const char *text, size_t len)
{
	cr_read_opts o = {form, "t.md", "t"};

	memset(res, 0, sizeof(*res));
	assert_int_equal(cr_read(text, len, &o, &res->rs, &res->d), 0);
	assert_int_equal(res->rs.len, 1);
	res->r = res->rs.items[0];
	assert_int_equal(res->r->form, form);
}

static void
read_len(struct result *res, const char *text, size_t len)
{
	read_form(res, CR_FORM_MD, text, len);
}

/* The YAML twin of a Markdown text, read without a finding. */
static void
read_yaml(struct result *res, const char *text)
{
	read_form(res, CR_FORM_YAML, text, strlen(text));
	assert_int_equal(res->d.len, 0);
}

static void
read_md(struct result *res, const char *text)
{
	read_len(res, text, strlen(text));
}

static void
result_free(struct result *res)
{
	cr_reports_free(&res->rs);
	cr_diags_free(&res->d);
}

/* Asserts that diagnostic i is rule at line:col. */
static void
expect_diag(const cr_diags *d, size_t i, cr_rule rule, int line, int col)
{
	if (i >= d->len)
		fail_msg("diag %zu: none (%zu in all), want %s at %d:%d", i,
			 d->len, cr_rule_name(rule), line, col);
	if (d->items[i].rule != rule || d->items[i].pos.line != line ||
	    d->items[i].pos.column != col)
		fail_msg("diag %zu: got %s at %d:%d (%s), want %s at %d:%d", i,
			 cr_rule_name(d->items[i].rule), d->items[i].pos.line,
			 d->items[i].pos.column, diag_msg(d, i),
			 cr_rule_name(rule), line, col);
}

/* The same, and the message says `text`. */
static void
expect_diag_says(const cr_diags *d, size_t i, cr_rule rule, int line, int col,
		 const char *text)
{
	expect_diag(d, i, rule, line, col);
	if (strstr(diag_msg(d, i), text) == NULL)
		fail_msg("diag %zu: '%s' does not say '%s'", i, diag_msg(d, i),
			 text);
}

static void
expect_str(const cr_str *s, const char *want, int line, int col)
{
	assert_non_null(s->s);
	assert_string_equal(s->s, want);
	if (s->pos.line != line || s->pos.column != col)
		fail_msg("'%s' at %d:%d, want %d:%d", want, s->pos.line,
			 s->pos.column, line, col);
}

static void
test_spec_example(void **state)
{
	struct result res;
	const cr_report *r;
	const cr_action *a;
	char buf[32];

	(void)state;
	read_md(&res, spec_example);
	r = res.r;
	assert_int_equal(res.d.len, 0);
	assert_false(r->broken);
	assert_int_equal(r->pos.line, 1);
	expect_str(&r->id, "acme-2026-11-20", 2, 5);
	assert_true(r->id_given);
	expect_str(&r->title, "Summer launch kick-off", 9, 3);
	expect_str(&r->client, "ACME Beverages", 3, 9);
	expect_str(&r->type, "meeting", 4, 7);
	assert_int_equal(cr_report_type(r), CR_TYPE_MEETING);
	assert_int_equal(cr_report_outcome(r), CR_OUTCOME_REACHED);
	assert_true(r->date.valid);
	cr_datetime_format(&r->date.dt, buf);
	assert_string_equal(buf, "2026-11-20T14:00:00+07:00");
	expect_str(&r->author, "Linh Tran", 6, 9);
	assert_true(r->issued.valid);
	cr_datetime_format(&r->issued.dt, buf);
	assert_string_equal(buf, "2026-11-21T09:30:00+07:00");
	assert_null(r->project.s);
	assert_null(r->location.s);

	assert_true(r->attendees.given);
	assert_int_equal(r->attendees.pos.line, 11);
	assert_int_equal(r->attendees.len, 2);
	expect_str(&r->attendees.items[0].name, "Linh Tran", 12, 3);
	assert_string_equal(r->attendees.items[0].role.s, "Account Executive");
	assert_string_equal(r->attendees.items[0].org.s, "Sunrise Agency");
	assert_string_equal(r->attendees.items[0].email.s,
			    "linh@sunrise.example");
	assert_int_equal(r->attendees.items[0].pos.line, 12);
	assert_int_equal(r->attendees.items[0].pos.column, 3);
	assert_string_equal(r->attendees.items[1].name.s, "Nguyen Van An");
	assert_string_equal(r->attendees.items[1].role.s, "Brand Manager");
	assert_string_equal(r->attendees.items[1].org.s, "ACME Beverages");
	assert_string_equal(r->attendees.items[1].email.s, "an@acme.example");
	assert_int_equal(r->attendees.items[1].pos.line, 13);
	assert_false(r->absent.given);
	assert_false(r->distribution.given);

	assert_int_equal(r->discussion.len, 1);
	expect_str(&r->discussion.items[0],
		   "TVC budget reduced to **1.2 bn VND**.", 16, 3);
	assert_int_equal(r->agreements.len, 1);
	expect_str(&r->agreements.items[0], "Client approves creative route B.",
		   19, 4);
	assert_false(r->agenda.given);
	assert_false(r->internal.given);

	assert_true(r->actions.given);
	assert_int_equal(r->actions.pos.line, 21);
	assert_int_equal(r->actions.len, 1);
	a = &r->actions.items[0];
	assert_int_equal(a->pos.line, 24);
	assert_int_equal(a->pos.column, 1);
	expect_str(&a->id, "acme-7", 24, 3);
	assert_true(a->id_given);
	expect_str(&a->what, "Send the revised media plan", 24, 12);
	expect_str(&a->who, "Linh Tran", 24, 42);
	expect_str(&a->due.raw, "2026-11-25", 24, 54);
	assert_true(a->due.valid);
	assert_false(a->due.dt.has_time);
	expect_str(&a->status, "open", 24, 67);
	assert_int_equal(cr_action_status(a), CR_STATUS_OPEN);
	assert_null(a->note.s);
	result_free(&res);
}

/* The Markdown example and its YAML twin are the same model. */
static void
test_same_as_yaml(void **state)
{
	static const char yaml[] =
	    "id: acme-2026-11-20\n"
	    "title: Summer launch kick-off\n"
	    "client: ACME Beverages\n"
	    "type: meeting\n"
	    "date: 2026-11-20 14:00 +07:00\n"
	    "author: Linh Tran\n"
	    "issued: 2026-11-21 09:30 +07:00\n"
	    "attendees:\n"
	    "  - Linh Tran (Account Executive, Sunrise Agency) "
	    "<linh@sunrise.example>\n"
	    "  - name: Nguyen Van An\n"
	    "    role: Brand Manager\n"
	    "    org: ACME Beverages\n"
	    "    email: an@acme.example\n"
	    "discussion:\n"
	    "  - TVC budget reduced to **1.2 bn VND**.\n"
	    "agreements:\n"
	    "  - Client approves creative route B.\n"
	    "actions:\n"
	    "  - id: acme-7\n"
	    "    what: Send the revised media plan\n"
	    "    who: Linh Tran\n"
	    "    due: 2026-11-25\n"
	    "    status: open\n";
	struct result md, y;

	(void)state;
	read_yaml(&y, yaml);
	read_md(&md, spec_example);
	assert_true(cr_report_equal(y.r, md.r));
	result_free(&y);
	result_free(&md);
}

/*
 * What the canonical writer emits (SPEC 2.3, and the writer's plan): scalar
 * fields, tags and x- keys in the front matter, "# Title", sections in the
 * report's language, agreements as an ordered list, the actions table
 * with ID | What | Who | Due | Status | Note and "\|" in cells, and
 * backslashes that keep an entry from starting a block.
 */
static void
test_canonical_round_trip(void **state)
{
	static const char yaml[] =
	    "id: vnm-2026-03-02\n"
	    "title: Họp khởi động chiến dịch Tết\n"
	    "client: Vinamilk\n"
	    "type: meeting\n"
	    "date: 2026-03-02T09:00:00+07:00\n"
	    "author: Trần Thị Linh\n"
	    "language: vi\n"
	    "tags:\n"
	    "  - tet\n"
	    "x-budget: 1200\n"
	    "attendees:\n"
	    "  - Trần Thị Linh (Account Executive, Sunrise) <linh@sunrise.vn>\n"
	    "  - Nguyễn Văn An (Brand Manager, Vinamilk)\n"
	    "distribution:\n"
	    "  - Phạm Minh Châu\n"
	    "discussion:\n"
	    "  - '# không phải tiêu đề'\n"
	    "  - '2026. năm bản lề'\n"
	    "  - '- gạch đầu dòng'\n"
	    "  - Ngân sách TVC giảm còn **1,2 tỷ đồng**, xem [kế "
	    "hoạch](https://ex.vn/a?b=1).\n"
	    "agreements:\n"
	    "  - Khách hàng duyệt phương án sáng tạo B.\n"
	    "  - Không quay thêm phim mới.\n"
	    "actions:\n"
	    "  - id: vnm-1\n"
	    "    what: Gửi kế hoạch truyền thông A | B\n"
	    "    who: Trần Thị Linh\n"
	    "    due: 2026-03-05\n"
	    "    status: open\n"
	    "  - id: vnm-2\n"
	    "    what: Duyệt kịch bản\n"
	    "    who: Vinamilk\n"
	    "    due: 2026-03-06 17:00\n"
	    "    status: done\n"
	    "    note: đã gửi `v2`\n"
	    "internal:\n"
	    "  - Khách hàng gợi ý pitch cho Tết.\n";
	static const char md[] =
	    "---\n"
	    "id: vnm-2026-03-02\n"
	    "client: Vinamilk\n"
	    "type: meeting\n"
	    "date: 2026-03-02T09:00:00+07:00\n"
	    "author: Trần Thị Linh\n"
	    "language: vi\n"
	    "tags:\n"
	    "  - tet\n"
	    "x-budget: 1200\n"
	    "---\n"
	    "# Họp khởi động chiến dịch Tết\n"
	    "\n"
	    "## Thành phần tham dự\n"
	    "\n"
	    "- Trần Thị Linh (Account Executive, Sunrise) <linh@sunrise.vn>\n"
	    "- Nguyễn Văn An (Brand Manager, Vinamilk)\n"
	    "\n"
	    "## Nơi nhận\n"
	    "\n"
	    "- Phạm Minh Châu\n"
	    "\n"
	    "## Nội dung thảo luận\n"
	    "\n"
	    "- \\# không phải tiêu đề\n"
	    "- 2026\\. năm bản lề\n"
	    "- \\- gạch đầu dòng\n"
	    "- Ngân sách TVC giảm còn **1,2 tỷ đồng**, xem [kế "
	    "hoạch](https://ex.vn/a?b=1).\n"
	    "\n"
	    "## Thống nhất\n"
	    "\n"
	    "1. Khách hàng duyệt phương án sáng tạo B.\n"
	    "2. Không quay thêm phim mới.\n"
	    "\n"
	    "## Các bước tiếp theo\n"
	    "\n"
	    "| ID | What | Who | Due | Status | Note |\n"
	    "|---|---|---|---|---|---|\n"
	    "| vnm-1 | Gửi kế hoạch truyền thông A \\| B | Trần Thị Linh | "
	    "2026-03-05 | open |  |\n"
	    "| vnm-2 | Duyệt kịch bản | Vinamilk | 2026-03-06 17:00 | done | "
	    "đã gửi `v2` |\n"
	    "\n"
	    "## Ghi chú nội bộ\n"
	    "\n"
	    "- Khách hàng gợi ý pitch cho Tết.\n";
	struct result res, y;

	(void)state;
	read_yaml(&y, yaml);
	read_md(&res, md);
	assert_int_equal(res.d.len, 0);
	assert_int_equal(res.r->discussion.len, 4);
	assert_string_equal(res.r->discussion.items[0].s,
			    "# không phải tiêu đề");
	assert_string_equal(res.r->discussion.items[1].s, "2026. năm bản lề");
	assert_string_equal(res.r->discussion.items[2].s, "- gạch đầu dòng");
	assert_int_equal(res.r->ext.len, 1);
	assert_true(cr_report_equal(y.r, res.r));
	result_free(&y);
	result_free(&res);
}

/* Vietnamese headings and columns, the columns in another order. */
static void
test_vietnamese(void **state)
{
	static const char md[] =
	    "---\n"
	    "client: Công ty Sữa\n"
	    "---\n"
	    "# Báo cáo tiếp xúc khách hàng\n"
	    "## Thành phần tham dự\n"
	    "- Nguyễn Thị Hoa (Account executive, Agency) <hoa@agency.vn>\n"
	    "## Vắng mặt\n"
	    "- Lê Văn Bình\n"
	    "## Chương trình\n"
	    "- Phương pháp viết contact report\n"
	    "## Các bước tiếp theo\n"
	    "| Thời hạn | Người thực hiện | Việc cần làm | Mã | Trạng thái |\n"
	    "|---|---|---|---|---|\n"
	    "| 2026-11-25 | Hoa | Gửi biên bản trong vòng 24 tiếng | h-1 | "
	    "open |\n";
	struct result res;
	const cr_action *a;

	(void)state;
	read_md(&res, md);
	assert_int_equal(res.d.len, 0);
	expect_str(&res.r->title, "Báo cáo tiếp xúc khách hàng", 4, 3);
	expect_str(&res.r->attendees.items[0].name, "Nguyễn Thị Hoa", 6, 3);
	assert_string_equal(res.r->attendees.items[0].email.s, "hoa@agency.vn");
	assert_string_equal(res.r->absent.items[0].name.s, "Lê Văn Bình");
	assert_string_equal(res.r->agenda.items[0].s,
			    "Phương pháp viết contact report");
	assert_int_equal(res.r->actions.len, 1);
	a = &res.r->actions.items[0];
	/* "| 2026-11-25 | Hoa | " is 20 characters */
	expect_str(&a->due.raw, "2026-11-25", 14, 3);
	expect_str(&a->who, "Hoa", 14, 16);
	expect_str(&a->what, "Gửi biên bản trong vòng 24 tiếng", 14, 22);
	/* 22 + 32 characters + " | " */
	expect_str(&a->id, "h-1", 14, 57);
	expect_str(&a->status, "open", 14, 63);
	result_free(&res);
}

static void
test_chinese(void **state)
{
	static const char md[] =
	    "# 客户服务会议\n"
	    "\n"
	    "## 与会者\n"
	    "- 王芳（客户经理） (客户经理, 阳光广告) <wang@sunrise.cn>\n"
	    "## 讨论\n"
	    "- 以客户为中心，及时响应客户的需求。\n"
	    "## 达成一致\n"
	    "1. 尊重客户：严格遵守相关隐私法规。\n"
	    "## 内部备注\n"
	    "- 持续改进\n"
	    "## 下一步行动\n"
	    "| 负责人 | 事项 | 期限 | 备注 |\n"
	    "|---|---|---|---|\n"
	    "| 王芳 | 发送媒体计划 | 2026-11-25 | 第二版 |\n";
	struct result res;
	const cr_action *a;

	(void)state;
	read_md(&res, md);
	assert_int_equal(res.d.len, 0);
	expect_str(&res.r->title, "客户服务会议", 1, 3);
	assert_string_equal(res.r->attendees.items[0].org.s, "阳光广告");
	expect_str(&res.r->discussion.items[0],
		   "以客户为中心，及时响应客户的需求。", 6, 3);
	expect_str(&res.r->agreements.items[0],
		   "尊重客户：严格遵守相关隐私法规。", 8, 4);
	assert_string_equal(res.r->internal.items[0].s, "持续改进");
	a = &res.r->actions.items[0];
	expect_str(&a->who, "王芳", 14, 3);
	/* display column 10 (王芳 is four columns), code point 8 */
	expect_str(&a->what, "发送媒体计划", 14, 10);
	assert_int_equal(a->what.pos.cp, 8);
	expect_str(&a->due.raw, "2026-11-25", 14, 25);
	expect_str(&a->note, "第二版", 14, 38);
	assert_int_equal(a->note.pos.cp, 30);
	assert_false(a->id_given);
	result_free(&res);
}

static void
test_russian(void **state)
{
	static const char md[] =
	    "# Контакт-репорт: запуск кампании\n"
	    "## Участники\n"
	    "- Ольга Ковалева (Аккаунт-менеджер, Агентство)\n"
	    "## Рассылка\n"
	    "- Иван Петров <ivan@client.ru>\n"
	    "## Повестка\n"
	    "- Бюджет\n"
	    "## Обсуждение\n"
	    "- Цель контакт-репорта — зафиксировать договоренности.\n"
	    "## Договоренности\n"
	    "- Клиент утверждает сценарий.\n"
	    "## СЛЕДУЮЩИЕ ШАГИ\n"
	    "| Что | Кто | Срок | Статус | Примечание | № |\n"
	    "|---|---|---|---|---|---|\n"
	    "| Прислать смету | Ольга | 2026-12-01 | blocked | ждём бриф | "
	    "k-9 |\n";
	struct result res;
	const cr_action *a;

	(void)state;
	read_md(&res, md);
	assert_int_equal(res.d.len, 0);
	assert_string_equal(res.r->title.s, "Контакт-репорт: запуск кампании");
	assert_string_equal(res.r->attendees.items[0].role.s,
			    "Аккаунт-менеджер");
	assert_string_equal(res.r->distribution.items[0].email.s,
			    "ivan@client.ru");
	assert_string_equal(res.r->agenda.items[0].s, "Бюджет");
	assert_int_equal(res.r->discussion.len, 1);
	assert_int_equal(res.r->agreements.len, 1);
	assert_int_equal(res.r->actions.len, 1);
	a = &res.r->actions.items[0];
	expect_str(&a->what, "Прислать смету", 15, 3);
	assert_string_equal(a->who.s, "Ольга");
	assert_int_equal(cr_action_status(a), CR_STATUS_BLOCKED);
	assert_string_equal(a->note.s, "ждём бриф");
	expect_str(&a->id, "k-9", 15, 63);
	result_free(&res);
}

/* Character columns, not bytes, after non-ASCII text on the line. */
static void
test_positions_non_ascii(void **state)
{
	static const char md[] =
	    "---\n"
	    "client: Công ty Sữa\n"
	    "author: Trần Linh: x\n"
	    "---\n"
	    "# Họp\n"
	    "## Các bước tiếp theo\n"
	    "| Việc cần làm | Người thực hiện | Thời hạn | Ghi chu |\n"
	    "|---|---|---|---|\n"
	    "| Gửi | Hoa | 2026-11-25 | x |\n"
	    "## 讨论\n"
	    "- 以客户为中心\n"
	    "  继续\n"
	    "\n"
	    "以客户为中心\n"
	    "## Участникки\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	/* "author: Trần Linh" is 17 characters (20 bytes) */
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 3, 18);
	/* "| Việc cần làm | Người thực hiện | Thời hạn | " is 46 characters */
	expect_diag_says(&res.d, 1, CR_RULE_UNKNOWN_FIELD, 7, 47, "'Ghi chú'");
	expect_diag(&res.d, 2, CR_RULE_BAD_VALUE, 14, 1);
	expect_diag_says(&res.d, 3, CR_RULE_UNKNOWN_FIELD, 15, 4,
			 "'Участники'");
	assert_int_equal(res.d.len, 4);
	assert_true(res.r->broken); /* the front matter did not parse */
	expect_str(&res.r->discussion.items[0], "以客户为中心 继续", 11, 3);
	result_free(&res);
}

static void
test_front_matter_and_section(void **state)
{
	static const char md[] = "---\n"
				 "title: A\n"
				 "attendees:\n"
				 "  - Linh Tran\n"
				 "---\n"
				 "# B\n"
				 "## Attendees\n"
				 "- An\n"
				 "## Discussion\n"
				 "- one\n"
				 "## discussion\n"
				 "- two\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	expect_diag(&res.d, 0, CR_RULE_DUPLICATE_FIELD, 6, 1);
	expect_diag(&res.d, 1, CR_RULE_DUPLICATE_FIELD, 7, 1);
	expect_diag(&res.d, 2, CR_RULE_DUPLICATE_FIELD, 11, 1);
	assert_int_equal(res.d.len, 3);
	assert_false(res.r->broken);
	expect_str(&res.r->title, "A", 2, 8);
	/* nothing written is dropped: the section's entries follow */
	assert_int_equal(res.r->attendees.len, 2);
	assert_int_equal(res.r->discussion.len, 2);
	assert_string_equal(res.r->discussion.items[1].s, "two");
	result_free(&res);
}

static void
test_unknown_section(void **state)
{
	static const char md[] = "# T\n"
				 "## Atendees\n"
				 "- An\n"
				 "## Weather\n"
				 "## Next steps\n"
				 "| what | WHO | due |\n"
				 "|-|-|-|\n"
				 "| a | b | 2026-01-02 |\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	expect_diag(&res.d, 0, CR_RULE_UNKNOWN_FIELD, 2, 4);
	assert_int_equal(res.d.items[0].severity, CR_SEV_WARNING);
	assert_string_equal(diag_msg(&res.d, 0),
			    "unknown section 'Atendees'; did you mean "
			    "'Attendees'?");
	expect_diag(&res.d, 1, CR_RULE_UNKNOWN_FIELD, 4, 4);
	assert_null(strstr(diag_msg(&res.d, 1), "did you mean"));
	assert_int_equal(res.d.len, 2);
	assert_false(res.r->attendees.given);
	assert_int_equal(res.r->actions.len, 1); /* the alias, any case */
	result_free(&res);
}

static void
test_unterminated_front_matter(void **state)
{
	struct result res;

	(void)state;
	read_md(&res, "---\ntitle: x\n# y\n## Attendees\n- An\n");
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 1, 1);
	assert_int_equal(res.d.len, 1);
	assert_true(res.r->broken);
	result_free(&res);
}

static void
test_front_matter_not_a_map(void **state)
{
	struct result res;

	(void)state;
	read_md(&res, "---\n- a\n- b\n---\n# T\n## Actions\n- a\n");
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 2, 1);
	/* reading goes on: the body's findings come too */
	expect_diag_says(&res.d, 1, CR_RULE_BAD_VALUE, 7, 1, "not a list");
	assert_true(res.r->broken);
	expect_str(&res.r->title, "T", 5, 3);
	result_free(&res);

	/* an empty front matter and "..." as its end are fine */
	read_md(&res, "---\n...\n# T\n");
	assert_int_equal(res.d.len, 0);
	assert_false(res.r->broken);
	expect_str(&res.r->title, "T", 3, 3);
	result_free(&res);
}

static void
test_ragged_rows(void **state)
{
	static const char md[] = "## Actions\n"
				 "| What | Who | Due |\n"
				 "|---|---|---|\n"
				 "| Gửi | Hoa |\n"
				 "| Gọi | An | 2026-11-25 | thừa | nữa |\n"
				 "Viết\n"
				 "| | | |\n"
				 "| Gửi lại |\n";
	struct result res;
	const cr_report *r;

	(void)state;
	read_md(&res, md);
	r = res.r;
	/* "| Gọi | An | 2026-11-25 | " is 26 characters (29 bytes) */
	expect_diag_says(&res.d, 0, CR_RULE_UNKNOWN_FIELD, 5, 27, "5 cells");
	assert_int_equal(res.d.len, 1);
	/* a row of empty cells is no action */
	assert_int_equal(r->actions.len, 4);
	expect_str(&r->actions.items[3].what, "Gửi lại", 8, 3);
	assert_string_equal(r->actions.items[0].what.s, "Gửi");
	assert_string_equal(r->actions.items[0].who.s, "Hoa");
	assert_null(r->actions.items[0].due.raw.s);
	expect_str(&r->actions.items[1].due.raw, "2026-11-25", 5, 14);
	expect_str(&r->actions.items[2].what, "Viết", 6, 1);
	result_free(&res);
}

/* A table right under a paragraph: cmark-gfm 0.29.0.gfm.6 gives the table
 * the paragraph's start and the paragraph no position at all. */
static void
test_table_after_paragraph(void **state)
{
	static const char md[] =
	    "## Actions\n"
	    "Các việc:\n"
	    "  còn lại\n"
	    "| Việc cần làm | Người thực hiện | Thời hạn |\n"
	    "|---|---|---|\n"
	    "| Gửi | Hoa | 2026-11-25 |\n"
	    "| Gọi |";
	struct result res;

	(void)state;
	read_md(&res, md);
	expect_diag_says(&res.d, 0, CR_RULE_BAD_VALUE, 2, 1, "delimiter row");
	assert_int_equal(res.d.len, 1);
	assert_int_equal(res.r->actions.len, 2);
	expect_str(&res.r->actions.items[0].what, "Gửi", 6, 3);
	expect_str(&res.r->actions.items[0].due.raw, "2026-11-25", 6, 15);
	expect_str(&res.r->actions.items[1].what, "Gọi", 7, 3);
	result_free(&res);

	/* the same inside an item, below a front matter */
	read_md(&res, "---\nid: x\n---\n## Discussion\n- text\n"
		      "  | a | b |\n  |---|---|\n- two\n");
	assert_int_equal(res.d.len, 0);
	expect_str(&res.r->discussion.items[0], "text | a | b | |---|---|", 5,
		   3);
	result_free(&res);
}

static void
test_missing_column(void **state)
{
	static const char md[] = "# T\n\n"
				 "## Actions\n\n"
				 "  | What | Status | Owner |\n"
				 "  |---|---|---|\n"
				 "  | a | open | b |\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	expect_diag(&res.d, 0, CR_RULE_UNKNOWN_FIELD, 5, 21);
	expect_diag_says(&res.d, 1, CR_RULE_MISSING_FIELD, 5, 3, "'Who'");
	expect_diag_says(&res.d, 2, CR_RULE_MISSING_FIELD, 5, 3, "'Due'");
	assert_int_equal(res.d.len, 3);
	assert_int_equal(res.r->actions.len, 1);
	expect_str(&res.r->actions.items[0].what, "a", 7, 5);
	assert_null(res.r->actions.items[0].who.s);
	result_free(&res);
}

static void
test_crlf(void **state)
{
	struct result lf, crlf;
	cr_buf b;
	size_t i;

	(void)state;
	cr_buf_init(&b);
	for (i = 0; spec_example[i] != '\0'; i++) {
		if (spec_example[i] == '\n')
			assert_int_equal(cr_buf_putc(&b, '\r'), 0);
		assert_int_equal(cr_buf_putc(&b, spec_example[i]), 0);
	}
	read_md(&lf, spec_example);
	read_len(&crlf, b.data, b.len);
	assert_int_equal(crlf.d.len, 0);
	assert_true(cr_report_equal(lf.r, crlf.r));
	expect_str(&crlf.r->title, "Summer launch kick-off", 9, 3);
	expect_str(&crlf.r->actions.items[0].status, "open", 24, 67);
	expect_str(&crlf.r->discussion.items[0],
		   "TVC budget reduced to **1.2 bn VND**.", 16, 3);
	result_free(&lf);
	result_free(&crlf);
	cr_buf_free(&b);
}

static void
test_escaped_pipe(void **state)
{
	static const char md[] = "## Actions\n"
				 "| What | Who | Due |\n"
				 "|---|---|---|\n"
				 "| A \\| B | `x\\|y` | a\\\\|\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	assert_int_equal(res.d.len, 0);
	assert_int_equal(res.r->actions.len, 1);
	expect_str(&res.r->actions.items[0].what, "A | B", 4, 3);
	expect_str(&res.r->actions.items[0].who, "`x|y`", 4, 12);
	/* "\\" escapes the backslash, so the pipe after it ends the cell */
	assert_string_equal(res.r->actions.items[0].due.raw.s, "a\\\\");
	result_free(&res);
}

static void
test_inline_kept(void **state)
{
	static const char md[] =
	    "## Discussion\n"
	    "- Budget is **bold** and _firm_, see [the "
	    "plan](https://x.example/p?a=1&b=2 \"Plan\").\n"
	    "- A long point written\n"
	    "  over two lines, with `code`\n"
	    "\n"
	    "- Loose item\n"
	    "\n"
	    "  with a second paragraph\n"
	    "- <https://auto.example> and &amp; and \\*stars\\*\n"
	    "-\n"
	    "## Agenda\n"
	    "Not a list\n";
	struct result res;
	const cr_texts *t;

	(void)state;
	read_md(&res, md);
	t = &res.r->discussion;
	assert_int_equal(t->len, 4);
	expect_str(&t->items[0],
		   "Budget is **bold** and _firm_, see [the plan]"
		   "(https://x.example/p?a=1&b=2 \"Plan\").",
		   2, 3);
	expect_str(&t->items[1],
		   "A long point written over two lines, with "
		   "`code`",
		   3, 3);
	expect_str(&t->items[2], "Loose item with a second paragraph", 6, 3);
	assert_string_equal(t->items[3].s,
			    "<https://auto.example> and &amp; and \\*stars\\*");
	expect_diag(&res.d, 0, CR_RULE_BAD_VALUE, 12, 1);
	assert_int_equal(res.d.len, 1);
	assert_true(res.r->agenda.given);
	result_free(&res);
}

static void
test_outside_sections(void **state)
{
	static const char md[] = "Intro text\n"
				 "# Title\n"
				 "<!-- a comment -->\n"
				 "\n"
				 "---\n"
				 "More text\n"
				 "## Internal\n"
				 "- note\n"
				 "# Second title\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	expect_diag(&res.d, 0, CR_RULE_UNKNOWN_FIELD, 1, 1);
	expect_diag(&res.d, 1, CR_RULE_UNKNOWN_FIELD, 6, 1);
	expect_diag(&res.d, 2, CR_RULE_DUPLICATE_FIELD, 9, 1);
	assert_int_equal(res.d.len, 3);
	expect_str(&res.r->title, "Title", 2, 3);
	assert_int_equal(res.r->internal.len, 1);
	result_free(&res);
}

static void
test_headings(void **state)
{
	static const char md[] = "#5 ngày\n"
				 "=====\n"
				 "   ##   Agenda   ###   \n"
				 "- a\n"
				 "\n"
				 "Thành phần\n"
				 "tham dự\n"
				 "---\n"
				 "- An\n"
				 "## Discussion \\#\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	/* a setext heading whose text starts with '#' */
	expect_str(&res.r->title, "#5 ngày", 1, 1);
	assert_int_equal(res.r->agenda.len, 1);
	assert_int_equal(res.r->agenda.pos.line, 3);
	assert_int_equal(res.r->agenda.pos.column, 4);
	/* the paragraph before the underline is the heading, both lines */
	assert_int_equal(res.r->attendees.len, 1);
	assert_int_equal(res.r->attendees.pos.line, 6);
	expect_diag_says(&res.d, 0, CR_RULE_UNKNOWN_FIELD, 10, 4,
			 "'Discussion \\#'");
	assert_int_equal(res.d.len, 1);
	result_free(&res);
}

static void
test_persons(void **state)
{
	static const char md[] = "## Attendees\n"
				 "- <hoa@agency.vn>\n"
				 "- An (Brand Manager)\n"
				 "* Bình <binh@x.vn>\n";
	struct result res;

	(void)state;
	read_md(&res, md);
	expect_diag(&res.d, 0, CR_RULE_MISSING_FIELD, 2, 3);
	assert_int_equal(res.d.len, 1);
	/* the person is kept: the check stage sees it */
	assert_int_equal(res.r->attendees.len, 3);
	assert_string_equal(res.r->attendees.items[1].role.s, "Brand Manager");
	assert_string_equal(res.r->attendees.items[2].name.s, "Bình");
	result_free(&res);
}

/* Nesting and pathological tables cost no stack and do not crash. */
static void
test_hostile(void **state)
{
	static const char *const units[] = {"> ", "- ", "1. ", "[", "*a", "|"};
	size_t u, i, n = 200000;
	cr_buf b;

	(void)state;
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		struct result res;

		cr_buf_init(&b);
		assert_int_equal(cr_buf_puts(&b, "## Discussion\n"), 0);
		for (i = 0; i < n; i++)
			assert_int_equal(cr_buf_puts(&b, units[u]), 0);
		assert_int_equal(cr_buf_puts(&b, "x\n"), 0);
		read_len(&res, b.data, b.len);
		result_free(&res);
		cr_buf_free(&b);
	}
	/* a table of many columns and a row with many cells: cmark-gfm
	 * takes quadratic time in the cells of a row, so the pre-scan
	 * (md_limit.c) refuses the row with the limit error */
	{
		struct result res;

		cr_buf_init(&b);
		assert_int_equal(cr_buf_puts(&b, "## Actions\n|"), 0);
		for (i = 0; i < 2000; i++)
			assert_int_equal(cr_buf_puts(&b, " Ai |"), 0);
		assert_int_equal(cr_buf_puts(&b, "\n|"), 0);
		for (i = 0; i < 2000; i++)
			assert_int_equal(cr_buf_puts(&b, "-|"), 0);
		assert_int_equal(cr_buf_puts(&b, "\n"), 0);
		for (i = 0; i < 20000; i++)
			assert_int_equal(cr_buf_puts(&b, "|x"), 0);
		assert_int_equal(cr_buf_puts(&b, "\n"), 0);
		read_len(&res, b.data, b.len);
		assert_int_equal(res.d.len, 1);
		assert_int_equal(res.d.items[0].rule, CR_RULE_LIMIT);
		assert_int_equal(res.d.items[0].pos.line, 2);
		result_free(&res);
		cr_buf_free(&b);
	}
}

/* SPEC 4: nesting deeper than 64 levels is refused, as in YAML. */
static void
test_depth_limit(void **state)
{
	struct result res;
	cr_buf b;
	int i;

	(void)state;
	cr_buf_init(&b);
	assert_int_equal(cr_buf_puts(&b, "# T\n## Discussion\n- a\n\n"), 0);
	for (i = 0; i < 70; i++)
		assert_int_equal(cr_buf_puts(&b, "> "), 0);
	assert_int_equal(cr_buf_puts(&b, "x\n"), 0);
	read_len(&res, b.data, b.len);
	expect_diag_says(&res.d, 0, CR_RULE_LIMIT, 5, 129, "64 levels");
	assert_int_equal(res.d.len, 1);
	assert_true(res.r->broken);
	result_free(&res);
	cr_buf_free(&b);

	/* 20 lists inside each other are deep but fine */
	cr_buf_init(&b);
	assert_int_equal(cr_buf_puts(&b, "## Discussion\n"), 0);
	for (i = 0; i < 20; i++)
		assert_int_equal(cr_buf_puts(&b, "- "), 0);
	assert_int_equal(cr_buf_puts(&b, "x\n"), 0);
	read_len(&res, b.data, b.len);
	assert_int_equal(res.d.len, 0);
	assert_int_equal(res.r->discussion.len, 1);
	result_free(&res);
	cr_buf_free(&b);
}

static void
test_empty_and_odd(void **state)
{
	static const char *const inputs[] = {
	    "",
	    "---",
	    "---\n",
	    "---\n---",
	    "#",
	    "# \n##\n|",
	    "\r\r\n\r",
	    "---\n---\n---\n",
	    "---\nx: 1\n--- y\n---\n",
	    "## Actions\n| What |\n|---|\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		struct result res;

		read_md(&res, inputs[i]);
		result_free(&res);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spec_example),
	    cmocka_unit_test(test_same_as_yaml),
	    cmocka_unit_test(test_canonical_round_trip),
	    cmocka_unit_test(test_vietnamese),
	    cmocka_unit_test(test_chinese),
	    cmocka_unit_test(test_russian),
	    cmocka_unit_test(test_positions_non_ascii),
	    cmocka_unit_test(test_front_matter_and_section),
	    cmocka_unit_test(test_unknown_section),
	    cmocka_unit_test(test_unterminated_front_matter),
	    cmocka_unit_test(test_front_matter_not_a_map),
	    cmocka_unit_test(test_ragged_rows),
	    cmocka_unit_test(test_table_after_paragraph),
	    cmocka_unit_test(test_missing_column),
	    cmocka_unit_test(test_crlf),
	    cmocka_unit_test(test_escaped_pipe),
	    cmocka_unit_test(test_inline_kept),
	    cmocka_unit_test(test_outside_sections),
	    cmocka_unit_test(test_headings),
	    cmocka_unit_test(test_persons),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_depth_limit),
	    cmocka_unit_test(test_empty_and_odd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
