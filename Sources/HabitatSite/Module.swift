import HabitatCore
/// The build pipeline.
public enum HabitatSiteModule {}
