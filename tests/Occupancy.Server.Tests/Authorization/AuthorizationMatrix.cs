using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Authorization;

/// <summary>The matrix's tests; each subclass runs them on its own database.</summary>
public abstract partial class AuthorizationMatrix(AccessWorld world)
{
    public static IEnumerable<object[]> Rows() => EndpointMatrix.Rows.Select((row, index) => new object[] { index, row.ToString() });

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EveryRole_GetsExactlyTheOutcomeTheMatrixNames(int index, string endpoint)
    {
        var row = EndpointMatrix.Rows[index];
        var mismatches = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var fresh = row.Setup is null ? "" : await row.Setup(world);
            using var request = new HttpRequestMessage(new HttpMethod(row.Method), Fill(row.Url, fresh));
            if (row.Body is not null)
            {
                request.Content = new StringContent(Fill(row.Body, fresh), Encoding.UTF8, "application/json");
            }

            using var response = await world.As(role).Client.SendAsync(request);
            var expected = row.ExpectedFor(role);
            if (OutcomeOf(response.StatusCode) != expected)
            {
                mismatches.Add($"{role}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{endpoint} ({row.Expected}):{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    [Theory]
    [InlineData("hq", OccupancyServerFactory.SiteKey, "desk-101", new[] { Role.HostOfA, Role.Admin })]
    [InlineData("pier", AccessWorld.PierKey, "desk-1", new[] { Role.HostOfB, Role.Admin })]
    public async Task HostEventsOfASpace_ReachItsHostsAndAdminsOnly_WhileEveryoneGetsItsCounts(string space, string siteKey, string desk, Role[] receivers)
    {
        var dashboards = new Dictionary<Role, (HubConnection Connection, List<string> Events, TaskCompletionSource Counted)>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var connection = world.Server.CreateDashboardConnection(world.As(role).Cookie);
            var events = new List<string>();
            var counted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<EdgeStatus>(nameof(IDashboardClient.EdgeStatusChanged), status =>
            {
                lock (events)
                {
                    events.Add($"edge {status.SpaceId} {(status.Online ? "online" : "offline")}");
                }
            });
            connection.On<SpaceSummary>(nameof(IDashboardClient.SpaceCountsChanged), summary =>
            {
                if (summary.Id == space)
                {
                    counted.TrySetResult();
                }
            });
            await connection.StartAsync();
            await connection.InvokeAsync<SpaceSummary[]>(nameof(DashboardHub.WatchNetwork));
            dashboards[role] = (connection, events, counted);
        }

        try
        {
            // The edge's status goes out before its desk change is even read, and one connection's messages keep
            // their order: once a dashboard has the new counts, it has every host event it will ever get.
            await using var edge = world.Server.CreateEdgeConnection(siteKey);
            await edge.StartAsync();
            await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange(desk, "occupied", world.Next()) });

            foreach (var (role, dashboard) in dashboards)
            {
                await dashboard.Counted.Task.WaitAsync(Eventually.Timeout);
                lock (dashboard.Events)
                {
                    var heard = dashboard.Events.Contains($"edge {space} online");
                    Assert.True(heard == receivers.Contains(role), $"{role} {(heard ? "heard" : "did not hear")} the edge of {space}: [{string.Join(", ", dashboard.Events)}]");
                }
            }
        }
        finally
        {
            foreach (var dashboard in dashboards.Values)
            {
                await dashboard.Connection.DisposeAsync();
            }
        }
    }

    private string Fill(string template, string fresh) =>
        Placeholder().Replace(template, match => match.Groups["name"].Value switch
        {
            "n" when match.Groups["format"].Success => world.Next().ToString(match.Groups["format"].Value.ToUpperInvariant()),
            "n" => world.Next().ToString(),
            "fresh" => fresh,
            var name => world.Ids.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"No id for {{{name}}}."),
        });

    private static Outcome? OutcomeOf(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => Outcome.Allowed,
        401 => Outcome.Unauthenticated,
        403 => Outcome.Forbidden,
        404 => Outcome.Hidden,
        _ => null,
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<format>[a-z0-9]+))?\}")]
    private static partial Regex Placeholder();
}
