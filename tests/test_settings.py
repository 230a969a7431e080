from kinerja_desktop import settings


def test_defaults_then_stored_values_survive_a_restart():
    assert settings.get("kertas") == "f4"
    settings.set_value("kertas", "a4")
    assert settings.get("kertas") == "a4"
    assert "kertas = a4" in settings.settings_path("kertas").read_text(encoding="utf-8")


def test_damaged_or_invalid_settings_fall_back_to_defaults():
    path = settings.settings_path("kertas")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[kinerja]\nkertas = legal\n", encoding="utf-8")
    assert settings.get("kertas") == "f4"
    path.write_bytes(b"\xff\xfe garbage [[[")
    assert settings.get("kertas") == "f4"
