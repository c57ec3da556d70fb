using BatchSync.Core.Workflows.Naming;

namespace BatchSync.Core.Tests.Workflows;

public class BigQueryNamesTests
{
    [Theory]
    [InlineData("orders", true)]
    [InlineData("orders_2026", true)]
    [InlineData("注文", true)]
    [InlineData("orders-archive", true)]
    [InlineData("orders archive", true)]
    [InlineData("orders$20261121", true)]
    [InlineData("orders$2026112", false)]
    [InlineData("orders.archive", false)]
    [InlineData("orders/2026", false)]
    [InlineData("", false)]
    public void Table_names(string name, bool valid) => Assert.Equal(valid, BigQueryNames.CheckTable(name) is null);

    [Theory]
    [InlineData("shop_raw", true)]
    [InlineData("shop-raw", false)]
    [InlineData("shop.raw", false)]
    public void Dataset_names(string name, bool valid) => Assert.Equal(valid, BigQueryNames.CheckDataset(name) is null);

    [Theory]
    [InlineData("user_id", true)]
    [InlineData("_hidden", true)]
    [InlineData("1st", false)]
    [InlineData("user-id", false)]
    [InlineData("_PARTITIONTIME", false)]
    [InlineData("_table_suffix", false)]
    public void Column_names(string name, bool valid) => Assert.Equal(valid, BigQueryNames.CheckColumn(name) is null);
}
