"""`assistant documents` as a user runs it: whole processes."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.model.case import CURRENT_STATUS, AttachmentRef, Case, DocumentsState, ItemRecord
from assistant.model.casefile import write_case_file

GIJINKOKU = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args],
                          capture_output=True, text=True, timeout=60)


def test_renewal_with_a_category_3_employer_lists_that_category_only():
    proc = run("documents", "--procedure", "renewal", "--status", "T26",
               "--condition", "cat3", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    ids = [i["id"] for i in data["items"]]
    assert "cat23_proof" in ids and "resident_tax" in ids
    assert "cat1_proof" not in ids and "online_approval" not in ids
    assert ids.count("photo") == 1
    assert data["list"] == "gijinkoku" and data["coverage"] == "partial"
    tax = next(i for i in data["items"] if i["id"] == "resident_tax")
    assert tax["source_kind"] == "secondary" and not tax["confirmed"]
    assert tax["source"].startswith("https://")
    text = run("documents", "--procedure", "renewal", "--status", "技術・人文知識・国際業務",
               "--condition", "cat3")
    assert text.returncode == 0, text.stderr
    assert "法定調書合計表" in text.stdout and "[要確認]" in text.stdout
    assert "カテゴリー1に該当することを証明する文書" not in text.stdout
    category1 = run("documents", "--procedure", "renewal", "--status", "T26",
                    "--condition", "cat1")
    assert "カテゴリー1に該当することを証明する文書" in category1.stdout
    assert "住民税の課税" not in category1.stdout


def test_bad_arguments_exit_2_with_a_message():
    wrong = run("documents", "--procedure", "renewal", "--status", "T26", "--condition", "cat9")
    assert wrong.returncode == 2
    assert "cat9" in wrong.stderr and "cat3" in wrong.stderr
    assert run("documents", "--procedure", "reentry", "--status", "T26").returncode == 2
    unknown = run("documents", "--procedure", "renewal", "--status", "宇宙飛行士")
    assert unknown.returncode == 2 and "宇宙飛行士" in unknown.stderr


def test_a_status_without_a_list_gets_the_general_items():
    proc = run("documents", "--procedure", "change", "--status", "T03")
    assert proc.returncode == 0, proc.stderr
    assert "提出書類リストはありません" in proc.stdout
    assert "在留資格変更許可申請書" in proc.stdout


def test_a_case_file_shows_what_is_covered(tmp_path):
    case = Case(id="c1", procedure="renewal", values={CURRENT_STATUS: GIJINKOKU},
                documents=DocumentsState(
                    answers={"employer_category": "cat3"},
                    items={"resident_tax": ItemRecord(files=["/docs/住民税.pdf"]),
                           "fee": ItemRecord(status="not_needed", reason="窓口で納付")}))
    case.attachments.append(AttachmentRef("/docs/住民税.pdf"))
    path = tmp_path / "case.json"
    write_case_file(path, case)
    proc = run("documents", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    items = {i["id"]: i for i in data["items"]}
    assert items["resident_tax"]["status"] == "submitted"
    assert items["resident_tax"]["files"] == ["/docs/住民税.pdf"]
    assert items["fee"]["status"] == "not_needed" and items["fee"]["reason"] == "窓口で納付"
    assert "cat1_proof" not in items
    assert data["done"] == 2 and data["total"] == len(
        [i for i in data["items"] if i["applies"] is True])
    text = run("documents", str(path))
    assert "[提出] 住民税の課税" in text.stdout and "→ /docs/住民税.pdf" in text.stdout
    assert "[不要] 手数料" in text.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert run("documents", str(broken)).returncode == 2


def test_request_pdf_for_the_employer(tmp_path):
    out = tmp_path / "依頼書.pdf"
    proc = run("documents", "--procedure", "renewal", "--status", "T26", "--condition", "cat3",
               "--request", "organization", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    from pypdf import PdfReader
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert "法定調書合計表の写し" in text
    again = run("documents", "--procedure", "renewal", "--status", "T26", "--request",
                "organization", "--out", str(out))
    assert again.returncode == 2                      # no overwrite without --force
    assert run("documents", "--procedure", "renewal", "--status", "T26",
               "--request", "applicant").returncode == 2   # --out missing


def test_a_case_file_shows_the_conditions_its_answers_decide(tmp_path):
    """A 技術・人文知識・国際業務 coe case whose 区分N page answers the innovation bonus and
    names no 派遣先: the category and dispatch come from the answers, with where from."""
    case = Case(id="c2", procedure="coe", values={
        "desired_status": "技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer/Specialist in "
                          "Humanities/International Services/Designated Activities(Graduate "
                          "from a university in Japan)",
        "n_3_1": "株式会社サンプル商事",
        "n_hsp_points_75": "該当する（１０点） Applicable (10 points)"})
    path = tmp_path / "case.json"
    write_case_file(path, case)
    proc = run("documents", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    questions = {q["id"]: q for q in json.loads(proc.stdout)["questions"]}
    assert questions["employer_category"]["answer"] == "cat1"
    assert questions["employer_category"]["derived"]["field"] == "n_hsp_points_75"
    assert questions["dispatch"]["derived"]["from"] == "12.1 派遣先等 (1)名称: （空欄）"
    assert questions["vocational_grad"]["derived"] is None
    text = run("documents", str(path))
    assert "回答から: dispatch = no（12.1 派遣先等 (1)名称: （空欄））" in text.stdout
    assert "カテゴリー1に該当することを証明する次のいずれかの文書" in text.stdout
