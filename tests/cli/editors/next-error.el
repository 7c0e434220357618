;;; next-error.el - run by tests/cli/editors.t in `emacs --batch`: reads
;;; cr-lint's diagnostics ($CR_QF) in compilation mode, as M-x compile
;;; would show them, and writes for each `next-error' where point lands:
;;; BUFFER:LINE:the text from point to the end of the line ($CR_OUT).
(require 'compile)
(let ((out '()))
  (with-current-buffer (get-buffer-create "*compilation*")
    (setq default-directory (file-name-as-directory (getenv "CR_DIR")))
    (insert "cr-lint\n")
    (insert-file-contents (getenv "CR_QF"))
    (compilation-mode)
    (setq next-error-last-buffer (current-buffer)))
  (condition-case nil
      (while t
        (next-error)
        (let* ((w (selected-window)) (b (window-buffer w)))
          (with-current-buffer b
            (goto-char (window-point w))
            (push (format "%s:%d:%s" (buffer-name b) (line-number-at-pos)
                          (buffer-substring-no-properties
                           (point) (line-end-position)))
                  out))))
    (user-error nil))
  (with-temp-file (getenv "CR_OUT")
    (insert (mapconcat #'identity (nreverse out) "\n") "\n")))
