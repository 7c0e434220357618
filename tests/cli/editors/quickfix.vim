" quickfix.vim - run by tests/cli/editors.t in `vim -es`: the :set lines
" of cr-lint(1) (the file $CR_SET), then :make on the report being edited
" ($CR_REPORT); writes, for each quickfix entry in turn, where :cc puts the
" cursor: FILE:LINE:TYPE:the text from the cursor to the end of the line.
set nocompatible encoding=utf-8 nomore hidden
execute 'edit ' . fnameescape($CR_REPORT)
for s in readfile($CR_SET)
  execute s
endfor
" the clock fixed, as the test needs it
let &makeprg .= ' ' . $CR_NOW
silent make
let out = []
for i in range(1, len(getqflist()))
  silent execute 'cc ' . i
  let e = getqflist()[i - 1]
  call add(out, printf('%s:%d:%s:%s', expand('%:t'), line('.'), e.type,
        \ strpart(getline('.'), col('.') - 1)))
endfor
call writefile(out, $CR_OUT)
qa!
