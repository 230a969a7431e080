import pytest

from kinerja_desktop.domain.nip import format_nip, nip_problem, validate_nip
from kinerja_desktop.errors import DataTidakValid


def test_camat_nip_is_valid_and_printed_in_groups():
    assert validate_nip("19690505 199009 1 002") == "196905051990091002"
    assert format_nip("196905051990091002") == "19690505 199009 1 002"


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        ("", "kosong"),
        ("1969050519900910", "harus 18 angka"),
        ("19690505199009100A", "hanya boleh berisi angka"),
        ("196902301990091002", "tanggal lahir"),  # 30 February
        ("196905051990131002", "bulan pengangkatan"),
        ("196905051990093002", "jenis kelamin"),
        ("196905051990091000", "tidak boleh 000"),
        ("196905051975091002", "tidak masuk akal"),  # appointed at age 6
    ],
)
def test_invalid_nip_says_why(nip, reason):
    problem = nip_problem(nip)
    assert problem is not None and reason in problem
    with pytest.raises(DataTidakValid, match=reason):
        validate_nip(nip)


def test_nip_accepts_dots_and_dashes():
    assert validate_nip("19690505.199009-1-002") == "196905051990091002"


def test_digits_of_other_scripts_are_not_a_nip():
    # fullwidth and Arabic-Indic digits pass str.isdigit() and int(), and would let the same
    # NIP be stored twice
    assert nip_problem("１９６９０５０５１９９００９１００２") == "NIP hanya boleh berisi angka."
    assert nip_problem("١٩٦٩٠٥٠٥١٩٩٠٠٩١٠٠٢") == "NIP hanya boleh berisi angka."
