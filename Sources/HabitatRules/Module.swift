/// Simulator rules: a small, safe expression language.
public enum HabitatRulesModule {}
