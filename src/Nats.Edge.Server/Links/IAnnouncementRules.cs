namespace Nats.Edge.Server.Links;

/// <summary>What of this side's interest a link may tell the far side of.</summary>
internal interface IAnnouncementRules
{
    /// <summary>Whether interest in <paramref name="subject"/> may be announced as it stands.</summary>
    bool MayAnnounce(string subject);

    /// <summary>The subjects to announce for plain interest in <paramref name="subject"/>: itself, narrower ones, or none.</summary>
    IReadOnlyList<string> Announcements(string subject);
}
