/*
 * write_yaml.c - the canonical YAML form (SPEC 2.2, 7): the keys of SPEC
 * 2.1 in the order of its table, then the x- keys in their order; absent
 * fields and empty lists left out; dates normalised (an invalid one as
 * written); persons in the string form when that gives them back, else as
 * maps; every action with its id and status. Writing what this wrote gives
 * the same bytes again.
 */
#include "write.h"

int
cr_write_yaml(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	unsigned long fields = CR_F_ALL;
	size_t nkeys;

	if (o != NULL && o->audience == CR_AUDIENCE_CLIENT)
		fields &= ~CR_FBIT(CR_F_INTERNAL);
	return cr_yaml_emit_report(r, fields, 1, out, &nkeys);
}
