"""The File cells of cr-wip's workbook as a user sees and follows them.

cr-wip writes a link as a HYPERLINK formula whose value is the path shown
(see cr-wip(1), THE WORKBOOK); a path too long for a formula's text is a
hyperlink proper. openpyxl gives the formula as the cell's value."""
import re

_FORMULA = re.compile(r'=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$')


def _parts(cell):
    v = cell.value
    m = _FORMULA.match(v) if isinstance(v, str) else None
    return (m.group(1).replace('""', '"'), m.group(2).replace('""', '"')) if m else None


def link(cell):
    """Where the cell links to (relative to the workbook), or None."""
    p = _parts(cell)
    if p:
        return p[0]
    return cell.hyperlink.target if cell.hyperlink else None


def shown(cell):
    """The text the cell shows."""
    p = _parts(cell)
    return p[1] if p else cell.value
