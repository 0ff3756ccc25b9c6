"""nbgrader's settings for the course's graded assignments.

This file is the course folder's configuration: nbgrader reads it when it runs in ``assignments/``
(English) or ``zh/assignments/`` (Chinese; tools/assignments.py copies this file there unchanged).
The sources with solutions and hidden tests are ``source/<assignment>/<notebook>.ipynb`` beside it;
everything nbgrader writes goes elsewhere, so that the repository holds sources only:

* the release versions: ``build/assignments/release/`` (Chinese: ``build/assignments/release/zh/``),
  or ``$CRM_RELEASE_DIR`` (and its ``zh/``);
* the gradebook and the students' notebooks (submitted, autograded, feedback): ``grading/``
  (Chinese: ``grading/zh/``), or ``$CRM_GRADING_DIR`` (and its ``zh/``). ``grading/`` is kept out of git and out of
  ``make clean``: it holds the marks.

teaching/grading.md says how a lecturer uses it.
"""
import os
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides it)

HERE = Path(__file__).resolve().parent                  # the course folder: source/ is here
CHINESE = HERE.parent.name == "zh"
REPO = HERE.parent.parent if CHINESE else HERE.parent
PART = "zh" if CHINESE else ""

release = Path(os.environ.get("CRM_RELEASE_DIR") or REPO / "build" / "assignments" / "release") / PART
state = Path(os.environ.get("CRM_GRADING_DIR") or REPO / "grading") / PART

state.mkdir(parents=True, exist_ok=True)     # the gradebook's folder must exist before nbgrader opens it

c.CourseDirectory.root = str(HERE)
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = str(release)
c.CourseDirectory.submitted_directory = str(state / "submitted")
c.CourseDirectory.autograded_directory = str(state / "autograded")
c.CourseDirectory.feedback_directory = str(state / "feedback")
c.CourseDirectory.db_url = f"sqlite:///{state / 'gradebook.db'}"

# A cell that runs longer than this is interrupted and graded as it stands (a loop that never
# ends costs the points of its tests, not the whole notebook); each assignment's cells finish in
# seconds.
TIMEOUT = int(os.environ.get("CRM_CELL_TIMEOUT") or 60)   # seconds per cell
c.Execute.timeout = TIMEOUT                  # nbgrader's own executor (autograde, validate)
c.ExecutePreprocessor.timeout = TIMEOUT      # and nbconvert's, which it extends
c.Execute.interrupt_on_timeout = True

# What replaces a solution in the release version, in the course folder's language
if CHINESE:
    c.ClearSolutions.code_stub = {"python": "# 请在这里写代码\nraise NotImplementedError()"}
    c.ClearSolutions.text_stub = "请在这里作答。"
else:
    c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
